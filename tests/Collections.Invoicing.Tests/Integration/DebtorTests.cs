using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Invoicing.Tests.Integration;

public sealed class DebtorTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Upsert_WhenSameBodySentTwice_SecondIsNoOpWithSameVersion()
    {
        var externalId = Unique("deb");
        var first = await Erp.PutDebtor(externalId);

        var second = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", TestData.DebtorBody())).ShouldBe(HttpStatusCode.OK);

        Assert.That(second.GetProperty("id").GetString(), Is.EqualTo(first.GetProperty("id").GetString()));
        Assert.That(second.GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Upsert_WhenBodyChanges_VersionIncreasesAndContactIdsAreKept()
    {
        var externalId = Unique("deb");
        var first = await Erp.PutDebtor(externalId);

        var second = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", TestData.DebtorBody("Acme AG"))).ShouldBe(HttpStatusCode.OK);

        Assert.That(second.GetProperty("name").GetString(), Is.EqualTo("Acme AG"));
        Assert.That(second.GetProperty("version").GetInt32(), Is.EqualTo(2));
        Assert.That(second.GetProperty("contacts")[0].GetProperty("id").GetString(), Is.EqualTo(first.GetProperty("contacts")[0].GetProperty("id").GetString()));
    }

    private static readonly object[] BadDebtors =
    [
        new object[] { "unknown time zone", new { name = "X", countryCode = "DE", timeZone = "Mars/Olympus", language = "de", currency = "EUR" }, "timeZone" },
        new object[] { "unknown currency", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "XXX" }, "currency" },
        new object[] { "lowercase country", new { name = "X", countryCode = "de", timeZone = "UTC", language = "de", currency = "EUR" }, "countryCode" },
        new object[] { "missing name", new { countryCode = "DE", timeZone = "UTC", language = "de", currency = "EUR" }, "name" },
        new object[] { "negative credit limit", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "EUR", creditLimit = -1 }, "creditLimit" },
        new object[] { "too precise credit limit", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "JPY", creditLimit = 10.5 }, "creditLimit" },
        new object[] { "contact hours reversed", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "EUR", contactHours = new { start = "18:00", end = "08:00", days = new[] { "monday" } } }, "contactHours" },
        new object[] { "contact without reach", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "EUR", contacts = new[] { new { name = "A" } } }, "contacts[0].email" },
        new object[] { "two primaries", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "EUR", contacts = new[] { new { name = "A", email = "a@x.example", isPrimary = true }, new { name = "B", email = "b@x.example", isPrimary = true } } }, "contacts" },
        new object[] { "contact language not a tag", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "EUR", contacts = new[] { new { name = "A", email = "a@x.example", language = "german!" } } }, "contacts[0].language" },
        new object[] { "contact language empty", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "EUR", contacts = new[] { new { name = "A", email = "a@x.example", language = "" } } }, "contacts[0].language" },
        new object[] { "debtor language past its column", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de-abcdefgh-abcdefgh-ch", currency = "EUR" }, "language" },
        new object[] { "contact language past its column", new { name = "X", countryCode = "DE", timeZone = "UTC", language = "de", currency = "EUR", contacts = new[] { new { name = "A", email = "a@x.example", language = "de-abcdefgh-abcdefgh-ch" } } }, "contacts[0].language" },
    ];

    [TestCaseSource(nameof(BadDebtors))]
    public async Task Upsert_WhenInputIsBad_Is400WithFieldErrorAndNothingStored(string why, object body, string field)
    {
        var externalId = Unique("bad");

        var problem = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", body)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors(field), Is.Not.Empty, why);
        var list = await (await Erp.GetAsync($"/api/v1/debtors?search={externalId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Upsert_WithAContactLanguage_StoresItAndEveryReadReturnsIt()
    {
        var externalId = Unique("deb");

        var created = await Erp.PutDebtor(externalId, TestData.DebtorBody(contacts:
        [
            new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true, language = "de-CH" },
            new { name = "Bob Meier", email = "bob@acme.example", role = "finance", isPrimary = false },
        ]));

        var id = created.GetProperty("id").GetString()!;
        var fetched = await (await Erp.GetAsync($"/api/v1/debtors/{id}")).ShouldBe(HttpStatusCode.OK);
        var listed = (await (await Erp.GetAsync($"/api/v1/debtors?search={externalId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("items")[0];
        var one = await App.Send(new GetDebtorQuery(id));
        var chosen = (await App.Send(new GetDebtorsQuery([id]))).Single();
        var all = (await App.Send(new GetDebtorsQuery())).Single(d => d.Id == id);
        var expected = new[] { "de-CH", null };
        Assert.Multiple(() =>
        {
            Assert.That(ContactLanguages(created), Is.EqualTo(expected), "PUT response");
            Assert.That(ContactLanguages(fetched), Is.EqualTo(expected), "GET /debtors/{id}");
            Assert.That(ContactLanguages(listed), Is.EqualTo(expected), "GET /debtors");
            Assert.That(one!.Contacts.Select(c => c.Language), Is.EqualTo(expected), "GetDebtorQuery");
            Assert.That(chosen.Contacts.Select(c => c.Language), Is.EqualTo(expected), "GetDebtorsQuery by id");
            Assert.That(all.Contacts.Select(c => c.Language), Is.EqualTo(expected), "GetDebtorsQuery of all");
        });
    }

    [Test]
    public async Task Upsert_WhenAContactLanguageIsBad_Is400LikeTheDebtorsOwnAndTheStoredDebtorIsUnchanged()
    {
        var externalId = Unique("deb");
        var id = (await Erp.PutDebtor(externalId, WithContactLanguage("de"))).GetProperty("id").GetString();

        var problem = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", WithContactLanguage("german!"))).ShouldBeProblem(HttpStatusCode.BadRequest);

        var badDebtorLanguage = new { name = "X", countryCode = "DE", timeZone = "UTC", language = "german!", currency = "EUR" };
        var debtorProblem = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{Unique("bad")}", badDebtorLanguage)).ShouldBeProblem(HttpStatusCode.BadRequest);
        var stored = await (await Erp.GetAsync($"/api/v1/debtors/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(problem.FieldErrors("contacts[0].language"), Is.EqualTo(debtorProblem.FieldErrors("language")));
            Assert.That(stored.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(ContactLanguages(stored), Is.EqualTo(new[] { "de" }));
        });
    }

    /// <summary>A PUT replaces the contacts: like a phone number, a language the body no longer carries is cleared.</summary>
    [Test]
    public async Task Upsert_WhenAContactsLanguageChangesOrIsLeftOut_TheContactKeepsItsIdAndTakesWhatWasSent()
    {
        var externalId = Unique("deb");
        var first = await Erp.PutDebtor(externalId, WithContactLanguage("fr", phone: "+49 30 1234567"));

        var changed = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", WithContactLanguage("it", phone: "+49 30 1234567"))).ShouldBe(HttpStatusCode.OK);
        var leftOut = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", TestData.DebtorBody())).ShouldBe(HttpStatusCode.OK);

        var contactId = first.GetProperty("contacts")[0].GetProperty("id").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(ContactLanguages(changed), Is.EqualTo(new[] { "it" }));
            Assert.That(changed.GetProperty("version").GetInt32(), Is.EqualTo(2), "a new language alone is a change");
            Assert.That(ContactLanguages(leftOut), Is.EqualTo(new string?[] { null }));
            Assert.That(leftOut.GetProperty("contacts")[0].GetProperty("phone").GetString(), Is.Null, "the phone is cleared the same way");
            Assert.That(leftOut.GetProperty("version").GetInt32(), Is.EqualTo(3));
            Assert.That(new[] { changed, leftOut }.Select(d => d.GetProperty("contacts")[0].GetProperty("id").GetString()), Is.All.EqualTo(contactId));
        });
    }

    [Test]
    public async Task Upsert_WhenAContactsLanguageIsNull_IsTheSameBodyAsWithoutIt()
    {
        var externalId = Unique("deb");
        await Erp.PutDebtor(externalId);

        var again = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", WithContactLanguage(null))).ShouldBe(HttpStatusCode.OK);

        Assert.That(again.GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task List_WhenPaging_ReturnsEveryDebtorOnceAcrossPages()
    {
        var prefix = Unique("page");
        for (var i = 0; i < 5; i++)
        {
            await Erp.PutDebtor($"{prefix}-{i}", TestData.DebtorBody($"Paging {prefix} {i}"));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await Erp.GetAsync($"/api/v1/debtors?search={prefix}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBe(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("externalId").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.That(seen, Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}")));
    }

    [Test]
    public async Task Get_WhenUnknown_Is404()
    {
        await (await Erp.GetAsync("/api/v1/debtors/deb_unknown")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Activity_RecordsCreationAndUpdate()
    {
        var externalId = Unique("deb");
        var id = (await Erp.PutDebtor(externalId)).GetProperty("id").GetString();
        await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", TestData.DebtorBody("Renamed"));

        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{id}/activity")).ShouldBe(HttpStatusCode.OK);

        Assert.That(activity.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "debtor.updated", "debtor.created" }));
    }

    /// <summary>The default debtor, its one contact carrying <paramref name="language"/> (sent as null when null).</summary>
    private static object WithContactLanguage(string? language, string? phone = null) => TestData.DebtorBody(contacts:
        [new { name = "Anna Schmidt", email = "anna@acme.example", phone, role = "accounts_payable", isPrimary = true, language }]);

    private static string?[] ContactLanguages(JsonElement debtor) =>
        debtor.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("language").GetString()).ToArray();
}
