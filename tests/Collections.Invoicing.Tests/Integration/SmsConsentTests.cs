using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Invoicing.Tests.Integration;

/// <summary>A contact's consent to SMS, as the ERP records it: given and when, with an E.164 phone, in the upsert and the import.</summary>
public sealed class SmsConsentTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Upsert_WhenAContactConsentsWithAnE164Phone_RecordsTheConsentAndWhen()
    {
        var givenAt = App.Time.GetUtcNow().AddDays(-3);

        var debtor = await Erp.PutDebtor(Unique("deb"), Body(Contact("+4930123456", new { given = true, givenAt })));

        var consent = debtor.GetProperty("contacts")[0].GetProperty("smsConsent");
        Assert.That(consent.GetProperty("given").GetBoolean(), Is.True);
        Assert.That(consent.GetProperty("givenAt").GetDateTimeOffset(), Is.EqualTo(givenAt));
    }

    [Test]
    public async Task Upsert_WhenConsentIsLeftOutOrRefused_RecordsNone()
    {
        var without = await Erp.PutDebtor(Unique("deb"), Body(Contact("+49 30 123456", null)));
        var refused = await Erp.PutDebtor(Unique("deb"), Body(Contact("+49 30 123456", new { given = false, givenAt = (DateTimeOffset?)null })));

        Assert.That(without.GetProperty("contacts")[0].GetProperty("smsConsent").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(refused.GetProperty("contacts")[0].GetProperty("smsConsent").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Upsert_WhenTheSameBodyIsSentAgain_ChangesNothing()
    {
        var externalId = Unique("deb");
        var body = Body(Contact("+4930123456", new { given = true, givenAt = App.Time.GetUtcNow().AddDays(-1) }));
        var first = await Erp.PutDebtor(externalId, body);

        var again = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", body)).ShouldBe(HttpStatusCode.OK);

        Assert.That(again.GetProperty("version").GetInt32(), Is.EqualTo(first.GetProperty("version").GetInt32()));
    }

    [TestCase("+49 30 123456", "contacts[0].phone")]
    [TestCase("030123456", "contacts[0].phone")]
    [TestCase(null, "contacts[0].phone")]
    public async Task Upsert_WhenAConsentingContactHasNoE164Phone_Answers400NamingThePhone(string? phone, string field)
    {
        var response = await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{Unique("deb")}",
            Body(Contact(phone, new { given = true, givenAt = App.Time.GetUtcNow() })));

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors(field), Is.Not.Empty, problem.ToString());
    }

    [Test]
    public async Task Upsert_WhenConsentHasNoInstantOrOneInTheFuture_Answers400NamingGivenAt()
    {
        var missing = await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{Unique("deb")}", Body(Contact("+4930123456", new { given = true })));
        var future = await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{Unique("deb")}",
            Body(Contact("+4930123456", new { given = true, givenAt = App.Time.GetUtcNow().AddDays(1) })));

        Assert.That((await missing.ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("contacts[0].smsConsent.givenAt"), Is.Not.Empty);
        Assert.That((await future.ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("contacts[0].smsConsent.givenAt"), Does.Contain("The consent cannot have been given in the future."));
    }

    [Test]
    public async Task Import_WhenOneItemConsentsWithABadPhone_RejectsThatItemAloneNamingThePhone()
    {
        var good = new
        {
            externalId = Unique("deb"),
            name = "Good",
            countryCode = "DE",
            timeZone = "Europe/Berlin",
            language = "de",
            currency = "EUR",
            creditLimit = 0m,
            contacts = new[] { Contact("+4930123456", new { given = true, givenAt = App.Time.GetUtcNow() }) }
        };
        var bad = new
        {
            externalId = Unique("deb"),
            name = "Bad",
            countryCode = "DE",
            timeZone = "Europe/Berlin",
            language = "de",
            currency = "EUR",
            creditLimit = 0m,
            contacts = new[] { Contact("+49 (30) 123456", new { given = true, givenAt = App.Time.GetUtcNow() }) }
        };

        var response = await (await Erp.PostAsJsonAsync("/api/v1/debtors/import", new { debtors = new object[] { good, bad } })).ShouldBe(HttpStatusCode.OK);

        var items = response.GetProperty("items");
        Assert.That(items[0].GetProperty("status").GetString(), Is.EqualTo("created"));
        Assert.That(items[1].GetProperty("status").GetString(), Is.EqualTo("rejected"));
        Assert.That(items[1].GetProperty("errors").TryGetProperty("contacts[0].phone", out _), Is.True, items[1].ToString());
    }

    private static object Contact(string? phone, object? smsConsent) =>
        new { name = "Anna Schmidt", email = "anna@acme.example", phone, role = "accounts_payable", isPrimary = true, smsConsent };

    private static object Body(object contact) =>
        new { name = "Acme GmbH", countryCode = "DE", timeZone = "Europe/Berlin", language = "de", currency = "EUR", creditLimit = 0m, contacts = new[] { contact } };
}
