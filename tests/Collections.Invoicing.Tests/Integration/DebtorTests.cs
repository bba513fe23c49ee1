using System.Net;
using System.Net.Http.Json;
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

        var second = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", InvoicingApi.Debtor())).ShouldBe(HttpStatusCode.OK);

        Assert.That(second.GetProperty("id").GetString(), Is.EqualTo(first.GetProperty("id").GetString()));
        Assert.That(second.GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Upsert_WhenBodyChanges_VersionIncreasesAndContactIdsAreKept()
    {
        var externalId = Unique("deb");
        var first = await Erp.PutDebtor(externalId);

        var second = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", InvoicingApi.Debtor("Acme AG"))).ShouldBe(HttpStatusCode.OK);

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
    public async Task List_WhenPaging_ReturnsEveryDebtorOnceAcrossPages()
    {
        var prefix = Unique("page");
        for (var i = 0; i < 5; i++)
        {
            await Erp.PutDebtor($"{prefix}-{i}", InvoicingApi.Debtor($"Paging {prefix} {i}"));
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
        await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", InvoicingApi.Debtor("Renamed"));

        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{id}/activity")).ShouldBe(HttpStatusCode.OK);

        Assert.That(activity.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Is.EqualTo(new[] { "debtor.updated", "debtor.created" }));
    }
}
