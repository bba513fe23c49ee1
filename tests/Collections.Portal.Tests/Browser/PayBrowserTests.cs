using System.Net;
using Collections.Portal.Tests.Integration;
using Collections.StripeDouble;
using Collections.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collections.Portal.Tests.Browser;

/// <summary>Paying through the Stripe test double's hosted checkout, which delivers the signed webhook and returns to the portal.</summary>
public sealed class PayBrowserTests : PortalBrowserFixture
{
    private StripeDouble.StripeDouble stripe = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = stripe.Options.SecretKey,
        ["Stripe:WebhookSecret"] = stripe.Options.WebhookSecret,
        ["Stripe:ApiBase"] = stripe.ApiBase,
    };

    protected override async Task StartDependenciesAsync()
    {
        stripe = await StripeDouble.StripeDouble.StartAsync(new StripeDoubleOptions
        {
            WebhookUrl = new Uri(BaseAddress, "/api/v1/webhooks/stripe"),
            Clock = () => App.Time.GetUtcNow(),
        });
    }

    [OneTimeTearDown]
    public async Task StopStripe()
    {
        if (stripe is not null)
        {
            await stripe.DisposeAsync();
        }
    }

    [Test]
    public async Task PartPayment_ThroughHostedCheckout_ShowsTheNewBalance()
    {
        var external = Unique("deb");
        var debtorId = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        var first = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 1000m, dueDate: "2026-02-10"))).Id();
        var second = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 200m, dueDate: "2026-02-20"))).Id();
        await Page.GotoAsync(await MagicLink(debtorId));
        await Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("Total to pay: €1,200.00");

        await Page.Locator($"[data-pay='{second}']").UncheckAsync();
        await Page.Locator($"[data-amount='{first}']").FillAsync("400.00");

        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("Total to pay: €400.00");
        await Screenshot("pay");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to secure payment" }).ClickAsync();
        await Expect(Page.Locator("#amount")).ToContainTextAsync("40000 EUR");
        await Screenshot("stripe-checkout");
        await Page.Locator("#pay").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for your payment");
        await Expect(Page.Locator($"[data-balance='{first}']")).ToHaveTextAsync("€600.00");
        await Expect(Page.Locator($"[data-balance='{second}']")).ToHaveTextAsync("€200.00");
        Assert.That(Page.Url, Does.Contain("#/pay/success?attempt=pat_"));
        var invoice = await (await Staff.GetAsync($"/api/v1/invoices/{first}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(invoice.GetProperty("balance").Amount(), Is.EqualTo(600m));
        await Screenshot("pay-success");
    }

    [Test]
    public async Task FullPayment_InsideTheDiscountWindow_PaysTheDiscountedTotalAndSettlesTheInvoice()
    {
        var external = Unique("deb");
        var debtorId = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        var terms = new { netDays = 30, earlyPaymentDiscount = new { percent = 2, withinDays = 10 } };
        var invoice = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 1000m, issueDate: "2026-02-28", dueDate: "2026-03-30", terms: terms))).Id();
        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Page.Locator("[data-figure=savings] .figure")).ToHaveTextAsync("€20.00");
        await Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Pay", Exact = true }).ClickAsync();

        await Expect(Page.Locator("[data-total]")).ToHaveTextAsync("Total to pay: €980.00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to secure payment" }).ClickAsync();
        await Expect(Page.Locator("#amount")).ToContainTextAsync("98000 EUR");
        await Page.Locator("#pay").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you for your payment");
        await Expect(Page.Locator("main")).ToContainTextAsync("All invoices are paid.");
        var settled = await (await Staff.GetAsync($"/api/v1/invoices/{invoice}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(settled.GetProperty("status").GetString(), Is.EqualTo("paid"));
        Assert.That(settled.GetProperty("balance").Amount(), Is.Zero);
    }

    [Test]
    public async Task GermanDebtor_GetsStripesPageInGerman()
    {
        var external = Unique("deb");
        var debtorId = (await Erp.PutDebtor(external, PortalApi.Debtor(language: "de"))).Id();
        await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 50m));
        await Page.GotoAsync(await MagicLink(debtorId));
        await Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Bezahlen", Exact = true }).ClickAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur sicheren Zahlung" }).ClickAsync();

        await Expect(Page.Locator("#amount")).ToContainTextAsync("5000 EUR");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Page.Locator("#pay").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vielen Dank für Ihre Zahlung");
    }

    [Test]
    public async Task CancelledCheckout_ReturnsToTheCancelPageWithNothingCharged()
    {
        var external = Unique("deb");
        var debtorId = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        var invoice = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 50m))).Id();
        await Page.GotoAsync(await MagicLink(debtorId));
        await Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Pay", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to secure payment" }).ClickAsync();

        await Page.Locator("#cancel").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Payment cancelled");
        await Expect(Page.Locator($"[data-balance='{invoice}']")).ToHaveTextAsync("€50.00");
        await Screenshot("pay-cancel");
    }
}
