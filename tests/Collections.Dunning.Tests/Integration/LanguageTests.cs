using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>A debtor reads reminders and acknowledgements in its own language, and staff edit the wording per language.</summary>
public sealed class LanguageTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Test]
    public async Task GermanDebtor_GetsTheReminderInGerman_WithGermanAmountsAndDates()
    {
        var (debtorId, ext) = await CreateDebtor(language: "de");
        var due = Today.AddDays(-10);
        await CreateInvoice(ext, due, 1234.56m, number: "DE-1");

        await Run();

        var email = await EmailOf(debtorId);
        var text = email.GetProperty("bodyText").GetString()!;
        Assert.That(email.GetProperty("subject").GetString(), Does.Contain("1.234,56 €").And.Not.Contain("Payment reminder"));
        Assert.That(text, Does.Contain("1.234,56 €").And.Contain(due.ToString("d. MMMM yyyy", German)));
        Assert.That(text, Does.Contain("Anna Schmidt").And.Not.Contain("Dear").And.Not.Contain("What happens next"));
        Assert.That(text, Does.Contain("Maria Keller"));
    }

    [Test]
    public async Task ContactLanguage_WinsOverTheDebtors_ForTheReceiptToo()
    {
        var (debtorId, ext) = await CreateDebtor(language: "de", contacts: new object[]
        {
            new { name = "Claire Martin", email = "claire@acme.example", role = "accounts_payable", isPrimary = true, language = "fr" },
        });
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 300.00m, number: "FR-1");

        await Pay(debtorId, (invoice, 120.00m));

        var receipt = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "receipt");
        var text = receipt.GetProperty("bodyText").GetString()!;
        var french = CultureInfo.GetCultureInfo("fr-FR");
        Assert.That(text, Does.Contain(120m.ToString("C", french)).And.Contain(180m.ToString("C", french)));
        Assert.That(text, Does.Contain("Claire").And.Not.Contain("Thank you").And.Not.Contain("Vielen Dank"));
    }

    [Test]
    public async Task UnsupportedLanguage_FallsBackToTheCreditorsDefault_ThenEnglish()
    {
        var (debtorId, ext) = await CreateDebtor(language: "pt-BR");
        await CreateInvoice(ext, Today.AddDays(-10), 100.00m);

        await Run();

        Assert.That((await EmailOf(debtorId)).GetProperty("bodyText").GetString(), Does.StartWith("Dear Anna,"));
    }

    [Test]
    public async Task Templates_ListedInALanguage_AreItsWording_AndARegionalVariantIsUsedForThatRegionOnly()
    {
        var german = await (await Staff.GetAsync("/api/v1/dunning/templates?language=de")).ShouldBe(HttpStatusCode.OK);
        var notice = german.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "email_notice");
        Assert.That(notice.GetProperty("language").GetString(), Is.EqualTo("de"));
        var austrian = notice.GetProperty("body").GetString()!.Replace("{{salutation}}", "{{salutation}} Grüß Gott!", StringComparison.Ordinal);

        var saved = await (await Admin.PutAsJsonAsync("/api/v1/dunning/templates/email_notice?language=de-at",
            new { subject = notice.GetProperty("subject").GetString(), body = austrian })).ShouldBe(HttpStatusCode.OK);
        Assert.That(saved.GetProperty("language").GetString(), Is.EqualTo("de-AT"));
        Assert.That(saved.GetProperty("channel").GetString(), Is.EqualTo("email"));

        var (vienna, viennaExt) = await CreateDebtor(language: "de-AT", country: "AT");
        var (berlin, berlinExt) = await CreateDebtor(language: "de");
        await CreateInvoice(viennaExt, Today.AddDays(-10), 100.00m);
        await CreateInvoice(berlinExt, Today.AddDays(-10), 100.00m);
        await Run();

        Assert.That((await EmailOf(vienna)).GetProperty("bodyText").GetString(), Does.Contain("Grüß Gott!"));
        Assert.That((await EmailOf(berlin)).GetProperty("bodyText").GetString(), Does.Not.Contain("Grüß Gott!"));
        var english = await (await Staff.GetAsync("/api/v1/dunning/templates")).ShouldBe(HttpStatusCode.OK);
        Assert.That(english.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "email_notice").GetProperty("language").GetString(), Is.EqualTo("en"));
    }

    [Test]
    public async Task Translation_LeavingOutAMergeFieldTheEnglishUses_Is400NamingIt_AndChangesNothing()
    {
        var before = await TemplateIn("fr", "email_receipt");
        var body = before.GetProperty("body").GetString()!.Replace("{{details}}", "", StringComparison.Ordinal);

        var problem = await (await Admin.PutAsJsonAsync("/api/v1/dunning/templates/email_receipt?language=fr",
            new { subject = before.GetProperty("subject").GetString(), body })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("body").Single(), Does.Contain("{{details}}"));
        Assert.That((await TemplateIn("fr", "email_receipt")).GetProperty("version").GetInt32(), Is.EqualTo(before.GetProperty("version").GetInt32()));
    }

    [TestCase("pt", "language")]
    [TestCase("not a language", "language")]
    public async Task Translation_IntoALanguageCollectionsDoesNotWriteIn_Is400(string language, string field)
    {
        var english = await TemplateIn("en", "email_notice");
        var problem = await (await Admin.PutAsJsonAsync($"/api/v1/dunning/templates/email_notice?language={Uri.EscapeDataString(language)}",
            new { subject = english.GetProperty("subject").GetString(), body = english.GetProperty("body").GetString() })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors(field), Is.Not.Empty);
        await (await Staff.GetAsync($"/api/v1/dunning/templates?language={Uri.EscapeDataString(language)}")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Translation_OfATemplateThatDoesNotExist_IsNotFound_AndOneChangingTheChannel_Is400()
    {
        var english = await TemplateIn("en", "email_notice");
        var request = new { subject = english.GetProperty("subject").GetString(), body = english.GetProperty("body").GetString() };
        await (await Admin.PutAsJsonAsync("/api/v1/dunning/templates/no_such_template?language=de", request)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Admin.PutAsJsonAsync("/api/v1/dunning/templates/email_notice?language=de", new { channel = "letter", request.subject, request.body }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    private async Task<JsonElement> TemplateIn(string language, string key) =>
        (await (await Staff.GetAsync($"/api/v1/dunning/templates?language={language}")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);
}
