using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Invoicing.Tests.Integration;

public sealed class DebtorImportTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Import_WithMixedItems_WritesTheGoodOnesAndRejectsEachBadOneAlone()
    {
        var good1 = Item(Unique("deb"));
        var badZone = Item(Unique("deb"), timeZone: "Mars/Olympus");
        var badCurrency = Item(Unique("deb"), currency: "XXY");
        var badContact = Item(Unique("deb"), contactEmail: "not-an-address", contactPhone: null);
        var good2 = Item(Unique("deb"), timeZone: "America/New_York", currency: "USD");
        var duplicate = Item((string)good1["externalId"]!);
        var noId = Item(null);

        var response = await Import(good1, badZone, badCurrency, badContact, good2, duplicate, noId, null);

        Assert.Multiple(() =>
        {
            Assert.That(Statuses(response), Is.EqualTo(new[] { "created", "rejected", "rejected", "rejected", "created", "rejected", "rejected", "rejected" }));
            Assert.That(response.GetProperty("created").GetInt32(), Is.EqualTo(2));
            Assert.That(response.GetProperty("rejected").GetInt32(), Is.EqualTo(6));
            Assert.That(Errors(response, 1, "timeZone"), Is.Not.Empty);
            Assert.That(Errors(response, 2, "currency"), Is.Not.Empty);
            Assert.That(Errors(response, 3).Keys, Has.Some.StartsWith("contacts[0]"));
            Assert.That(Errors(response, 5, "externalId")[0], Does.Contain("more than once"));
            Assert.That(Errors(response, 6, "externalId"), Is.Not.Empty);
            Assert.That(Errors(response, 7, ""), Is.Not.Empty);
            Assert.That(Item(response, 0).GetProperty("debtorId").GetString(), Does.StartWith("deb_"));
        });
        var created = await (await Erp.GetAsync($"/api/v1/debtors/{Item(response, 4).GetProperty("debtorId").GetString()}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(created.GetProperty("timeZone").GetString(), Is.EqualTo("America/New_York"));
        Assert.That(created.GetProperty("contacts")[0].GetProperty("email").GetString(), Is.EqualTo("ap@example.com"));
        Assert.That(await Count((string)badZone["externalId"]!, (string)badCurrency["externalId"]!, (string)badContact["externalId"]!), Is.Zero);
    }

    [Test]
    public async Task Import_WhenResent_IsUnchangedAndChangesNothing()
    {
        var items = new[] { Item(Unique("deb")), Item(Unique("deb"), name: "Zeta SA") };
        var first = await Import(items);

        var again = await Import(items);

        Assert.That(Statuses(again), Is.EqualTo(new[] { "unchanged", "unchanged" }));
        Assert.That(Item(again, 1).GetProperty("debtorId").GetString(), Is.EqualTo(Item(first, 1).GetProperty("debtorId").GetString()));
        var debtor = await (await Erp.GetAsync($"/api/v1/debtors/{Item(again, 1).GetProperty("debtorId").GetString()}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(debtor.GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Import_WhenItemMatchesAnEarlierPut_IsUnchanged_AndAChangedOneIsUpdatedKeepingItsContactId()
    {
        var same = Unique("deb");
        var changed = Unique("deb");
        await Put(same);
        var before = await Put(changed);

        var response = await Import(Item(same), Item(changed, name: "Acme Holding GmbH"));

        Assert.That(Statuses(response), Is.EqualTo(new[] { "unchanged", "updated" }));
        var after = await (await Erp.GetAsync($"/api/v1/debtors/{before.GetProperty("id").GetString()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("name").GetString(), Is.EqualTo("Acme Holding GmbH"));
            Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(after.GetProperty("contacts")[0].GetProperty("id").GetString(), Is.EqualTo(before.GetProperty("contacts")[0].GetProperty("id").GetString()));
        });
        var again = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{changed}", Body(Item(changed, name: "Acme Holding GmbH")))).ShouldBe(HttpStatusCode.OK);
        Assert.That(again.GetProperty("version").GetInt32(), Is.EqualTo(2), "the import stored the same content hash a PUT does");
    }

    [Test]
    public async Task Import_CarriesAContactsLanguage_AndABadOneRejectsThatItemAlone()
    {
        var withLanguage = Item(Unique("deb"), contactLanguage: "fr-CH");
        var without = Item(Unique("deb"));
        var notATag = Item(Unique("deb"), contactLanguage: "german!");
        var empty = Item(Unique("deb"), contactLanguage: "");

        var response = await Import(withLanguage, without, notATag, empty);

        Assert.Multiple(() =>
        {
            Assert.That(Statuses(response), Is.EqualTo(new[] { "created", "created", "rejected", "rejected" }));
            Assert.That(Errors(response, 2, "contacts[0].language"), Is.EqualTo(new[] { "Use a BCP 47 language tag such as 'en' or 'de-CH'." }));
            Assert.That(Errors(response, 3, "contacts[0].language"), Is.Not.Empty);
        });
        var created = await (await Erp.GetAsync($"/api/v1/debtors/{Item(response, 0).GetProperty("debtorId").GetString()}")).ShouldBe(HttpStatusCode.OK);
        var plain = await (await Erp.GetAsync($"/api/v1/debtors/{Item(response, 1).GetProperty("debtorId").GetString()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("contacts")[0].GetProperty("language").GetString(), Is.EqualTo("fr-CH"));
            Assert.That(plain.GetProperty("contacts")[0].GetProperty("language").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
        Assert.That(await Count((string)notATag["externalId"]!, (string)empty["externalId"]!), Is.Zero);
    }

    [Test]
    public async Task Import_OfAnUpdatedContactLanguage_IsAnUpdate_AndTheSameOneAgainIsUnchanged()
    {
        var externalId = Unique("deb");
        var before = await Put(externalId);

        var updated = await Import(Item(externalId, contactLanguage: "nl"));
        var again = await Import(Item(externalId, contactLanguage: "nl"));
        var cleared = await Import(Item(externalId));

        Assert.That(new[] { updated, again, cleared }.Select(r => Statuses(r).Single()), Is.EqualTo(new[] { "updated", "unchanged", "updated" }));
        var after = await (await Erp.GetAsync($"/api/v1/debtors/{before.GetProperty("id").GetString()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(3));
            Assert.That(after.GetProperty("contacts")[0].GetProperty("language").ValueKind, Is.EqualTo(JsonValueKind.Null), "an import replaces the contacts as a PUT does");
            Assert.That(after.GetProperty("contacts")[0].GetProperty("id").GetString(), Is.EqualTo(before.GetProperty("contacts")[0].GetProperty("id").GetString()));
        });
    }

    [Test]
    public async Task Import_WithMoreThanAThousandItems_Is400AndWritesNothing()
    {
        var items = Enumerable.Range(0, 1001).Select(_ => Item(Unique("deb"))).ToArray();

        var problem = await (await Erp.PostAsJsonAsync("/api/v1/debtors/import", new { debtors = items })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("debtors"), Is.Not.Empty);
        Assert.That(await Count((string)items[0]["externalId"]!, (string)items[1000]["externalId"]!), Is.Zero);
    }

    [Test]
    public async Task Import_WhenAContactIsNull_RejectsThatItemAlone()
    {
        var good = Item(Unique("deb"));
        var nullContact = Item(Unique("deb"));
        nullContact["contacts"] = new object?[] { null };

        var response = await Import(good, nullContact);

        Assert.That(Statuses(response), Is.EqualTo(new[] { "created", "rejected" }));
        Assert.That(Errors(response, 1, "contacts"), Is.Not.Empty);
    }

    [TestCase("{}")]
    [TestCase("{\"debtors\":[]}")]
    public async Task Import_WithoutItems_Is400(string body) =>
        await (await Erp.PostAsync("/api/v1/debtors/import", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblem(HttpStatusCode.BadRequest);

    [Test]
    public async Task Import_WhenCallerIsAnonymous_Is401() =>
        Assert.That((await Anonymous.PostAsJsonAsync("/api/v1/debtors/import", new { debtors = new[] { Item(Unique("deb")) } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Import_OfAThousandNewDebtors_CreatesThemAllWithContacts()
    {
        var items = Enumerable.Range(0, 1000).Select(i => Item(Unique("deb"), name: $"Bulk {i}")).ToArray();
        var clock = Stopwatch.StartNew();

        var response = await Import(items);

        TestContext.Out.WriteLine($"1,000 debtors imported in {clock.ElapsedMilliseconds} ms on {Provider}");
        Assert.That(response.GetProperty("created").GetInt32(), Is.EqualTo(1000));
        var last = await (await Erp.GetAsync($"/api/v1/debtors/{Item(response, 999).GetProperty("debtorId").GetString()}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(last.GetProperty("name").GetString(), Is.EqualTo("Bulk 999"));
        Assert.That(last.GetProperty("contacts").GetArrayLength(), Is.EqualTo(1));
    }

    private static Dictionary<string, object?> Item(string? externalId, string name = "Acme GmbH", string timeZone = "Europe/Berlin", string currency = "EUR",
        string? contactEmail = "ap@example.com", string? contactPhone = "+49 30 1234567", string? contactLanguage = null) => new()
        {
            ["externalId"] = externalId,
            ["name"] = name,
            ["countryCode"] = "DE",
            ["timeZone"] = timeZone,
            ["language"] = "de",
            ["currency"] = currency,
            ["creditLimit"] = 50000.00m,
            ["paymentTermsDays"] = 30,
            ["segment"] = "standard",
            ["contacts"] = new[] { Contact(contactEmail, contactPhone, contactLanguage) },
        };

    /// <summary>The item's one contact; its language only when given, so the other items send contacts without one.</summary>
    private static Dictionary<string, object?> Contact(string? email, string? phone, string? language)
    {
        var contact = new Dictionary<string, object?> { ["name"] = "Anna Schmidt", ["email"] = email, ["phone"] = phone, ["role"] = "accounts_payable", ["isPrimary"] = true };
        if (language is not null)
        {
            contact["language"] = language;
        }

        return contact;
    }

    private static Dictionary<string, object?> Body(Dictionary<string, object?> item)
    {
        var body = new Dictionary<string, object?>(item);
        body.Remove("externalId");
        return body;
    }

    private async Task<JsonElement> Put(string externalId) =>
        await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", Body(Item(externalId)))).ShouldBe(HttpStatusCode.Created);

    private async Task<JsonElement> Import(params Dictionary<string, object?>?[] items) =>
        await (await Erp.PostAsJsonAsync("/api/v1/debtors/import", new { debtors = items })).ShouldBe(HttpStatusCode.OK);

    private async Task<int> Count(params string[] externalIds)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM invoicing_debtors WHERE external_id IN @Ids", new { Ids = externalIds }, CancellationToken.None);
    }

    private static JsonElement Item(JsonElement response, int index) => response.GetProperty("items")[index];

    private static Dictionary<string, string[]> Errors(JsonElement response, int index) =>
        Item(response, index).GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());

    private static string[] Errors(JsonElement response, int index, string field) => Errors(response, index).GetValueOrDefault(field) ?? [];

    private static string[] Statuses(JsonElement response) =>
        response.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()!).ToArray();
}
