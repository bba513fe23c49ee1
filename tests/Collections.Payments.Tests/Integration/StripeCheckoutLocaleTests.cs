using System.Net;
using System.Net.Http.Json;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Payments.Tests.Integration;

/// <summary>Stripe's checkout page speaks the portal's language: the locale asked for, else the debtor's, else auto.</summary>
public sealed class StripeCheckoutLocaleTests(DatabaseProvider provider) : StripeFixture(provider)
{
    private async Task<(string Debtor, string Invoice)> DebtorSpeaking(string language)
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext, TestData.DebtorBody(language: language));
        return (debtor, await Erp.NewInvoice(ext, 100m, "2026-02-01"));
    }

    [TestCase("fr")]
    [TestCase("en")]
    [TestCase("auto")]
    public async Task Checkout_WithALocale_SendsItToStripe(string locale)
    {
        var (debtor, invoice) = await DebtorSpeaking("de");

        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } }, locale });

        Assert.That((string?)Stripe.Session(sessionId)!["locale"], Is.EqualTo(locale));
    }

    [Test]
    public async Task Checkout_ByADebtorSession_CarriesThePortalsLanguageToStripesPage()
    {
        var (debtor, invoice) = await DebtorSpeaking("de");

        var (_, sessionId) = await Checkout(App.DebtorSession(debtor), new { invoices = new[] { new { invoiceId = invoice } }, locale = "nl" });

        Assert.That((string?)Stripe.Session(sessionId)!["locale"], Is.EqualTo("nl"));
        using var browser = new HttpClient();
        Assert.That(await browser.GetStringAsync($"{Stripe.ApiBase}/pay/{sessionId}"), Does.Contain("<html lang=\"nl\">"), "the hosted page speaks it");
    }

    [TestCase("de", "de")]
    [TestCase("it-CH", "it")]
    [TestCase("pt-BR", "auto")]
    public async Task Checkout_WithoutALocale_UsesTheDebtorsLanguage_ElseAuto(string language, string expected)
    {
        var (debtor, invoice) = await DebtorSpeaking(language);

        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        Assert.That((string?)Stripe.Session(sessionId)!["locale"], Is.EqualTo(expected));
    }

    [TestCase("de-DE")]
    [TestCase("DE")]
    [TestCase("pt")]
    [TestCase("")]
    public async Task Checkout_WithALocaleOutsideThePortalsLanguages_Is400_AndStartsNothing(string locale)
    {
        var (debtor, invoice) = await DebtorSpeaking("de");

        var refused = await (await Staff.PostKeyed("/api/v1/payments/checkout", new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } }, locale }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(refused.FieldErrors("locale").Single(), Does.Contain("en, de, fr, es, nl, it, auto"));
        Assert.That(Published.Of<PaymentPending>().Any(p => p.DebtorId == debtor), Is.False, "no attempt was started");
        var payments = await (await Staff.GetAsync($"/api/v1/payments?debtorId={debtor}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(payments.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Checkout_RepeatedUnderItsKey_AfterTheDebtorsLanguageChanged_GetsTheSameSession()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext, TestData.DebtorBody(language: "de"));
        var invoice = await Erp.NewInvoice(ext, 100m, "2026-02-01");
        var body = new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } };
        var key = Guid.NewGuid().ToString();
        var first = await (await Staff.PostKeyed("/api/v1/payments/checkout", body, key)).ShouldBe(HttpStatusCode.OK);

        await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{ext}", TestData.DebtorBody(language: "fr"))).ShouldBe(HttpStatusCode.OK);
        var again = await (await Staff.PostKeyed("/api/v1/payments/checkout", body, key)).ShouldBe(HttpStatusCode.OK);

        Assert.That(again.GetProperty("checkoutUrl").GetString(), Is.EqualTo(first.GetProperty("checkoutUrl").GetString()));
        var url = first.GetProperty("checkoutUrl").GetString()!;
        Assert.That((string?)Stripe.Session(url[(url.LastIndexOf('/') + 1)..])!["locale"], Is.EqualTo("de"), "the locale is the attempt's, kept with it");
    }
}
