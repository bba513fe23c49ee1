using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Invoicing.Tests.Integration;

/// <summary>A debtor's billing address and a contact's own address: validated per country, stored normalised, read everywhere.</summary>
public sealed class PostalAddressTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private static readonly object Berlin = new { lines = new[] { " Invalidenstraße 117 ", "Hinterhaus" }, postalCode = "10115", city = "Berlin", country = "de" };

    private static readonly object London = new { lines = new[] { "10 Downing Street" }, postalCode = "sw1a2aa", city = "London", country = "GB" };

    [Test]
    public async Task Upsert_WithAddresses_StoresThemNormalisedAndEveryReadReturnsThem()
    {
        var externalId = Unique("deb");

        var created = await Erp.PutDebtor(externalId, Body(Berlin, London));

        var id = created.Id();
        var fetched = await (await Erp.GetAsync($"/api/v1/debtors/{id}")).ShouldBe(HttpStatusCode.OK);
        var listed = (await (await Erp.GetAsync($"/api/v1/debtors?search={externalId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("items")[0];
        var contract = await App.Send(new GetDebtorQuery(id));
        var many = (await App.Send(new GetDebtorsQuery([id]))).Single();
        Assert.Multiple(() =>
        {
            foreach (var (read, name) in new[] { (created, "PUT"), (fetched, "GET"), (listed, "list") })
            {
                var billing = read.GetProperty("billingAddress");
                Assert.That(billing.GetProperty("lines").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "Invalidenstraße 117", "Hinterhaus" }), name);
                Assert.That(billing.GetProperty("country").GetString(), Is.EqualTo("DE"), name);
                Assert.That(billing.GetProperty("region").ValueKind, Is.EqualTo(JsonValueKind.Null), name);
                Assert.That(read.GetProperty("contacts")[0].GetProperty("address").GetProperty("postalCode").GetString(), Is.EqualTo("SW1A 2AA"), name);
            }

            Assert.That(contract!.BillingAddress!.Format("DE"), Is.EqualTo(new[] { "Invalidenstraße 117", "Hinterhaus", "10115 Berlin" }));
            Assert.That(contract.Contacts[0].Address!.Format("DE"), Is.EqualTo(new[] { "10 Downing Street", "London", "SW1A 2AA", "UNITED KINGDOM" }));
            Assert.That(many.BillingAddress!.City, Is.EqualTo("Berlin"));
            Assert.That(many.Contacts[0].Address!.Country, Is.EqualTo("GB"));
        });
    }

    [Test]
    public async Task Upsert_WhenTheAddressIsLeftOut_ClearsIt_AndABodyWithoutAnyIsUnchangedByAddresses()
    {
        var externalId = Unique("deb");
        await Erp.PutDebtor(externalId);
        var same = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", TestData.DebtorBody())).ShouldBe(HttpStatusCode.OK);
        var withAddress = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", Body(Berlin, London))).ShouldBe(HttpStatusCode.OK);

        var cleared = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", TestData.DebtorBody())).ShouldBe(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(same.GetProperty("version").GetInt32(), Is.EqualTo(1), "a body without addresses hashes as before addresses existed");
            Assert.That(same.GetProperty("billingAddress").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(withAddress.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(cleared.GetProperty("version").GetInt32(), Is.EqualTo(3));
            Assert.That(cleared.GetProperty("billingAddress").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(cleared.GetProperty("contacts")[0].GetProperty("address").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    private static readonly object[] BadAddresses =
    [
        new object[] { "German postal code of four digits", new { lines = new[] { "Hauptstraße 1" }, postalCode = "1011", city = "Berlin", country = "DE" }, new[] { "billingAddress.postalCode" } },
        new object[] { "no city, no lines", new { postalCode = "10115", country = "DE" }, new[] { "billingAddress.lines", "billingAddress.city" } },
        new object[] { "US address without its state", new { lines = new[] { "1 Main St" }, postalCode = "62704", city = "Springfield", country = "US" }, new[] { "billingAddress.region" } },
        new object[] { "unknown country", new { lines = new[] { "1 Main St" }, city = "Springfield", country = "XX" }, new[] { "billingAddress.country" } },
        new object[] { "a null street line", new { lines = new[] { "Hauptstraße 1", null }, postalCode = "10115", city = "Berlin", country = "DE" }, new[] { "billingAddress.lines[1]" } },
        new object[] { "four street lines", new { lines = new[] { "a", "b", "c", "d" }, postalCode = "10115", city = "Berlin", country = "DE" }, new[] { "billingAddress.lines" } },
    ];

    [TestCaseSource(nameof(BadAddresses))]
    public async Task Upsert_WhenTheBillingAddressIsBad_Is400NamingEachPartAndNothingIsStored(string why, object address, string[] fields)
    {
        var externalId = Unique("bad");

        var problem = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", Body(address, null))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(fields), why);
        Assert.That(await Count(externalId), Is.Zero);
    }

    [Test]
    public async Task Upsert_WhenAContactAddressIsBad_Is400NamingTheContactAndPart_AndTheStoredDebtorIsUnchanged()
    {
        var externalId = Unique("deb");
        await Erp.PutDebtor(externalId, Body(Berlin, London));

        var problem = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}",
            Body(Berlin, new { lines = new[] { "10 Downing Street" }, postalCode = "SW1A", country = "GB" }))).ShouldBeProblem(HttpStatusCode.BadRequest);

        var stored = (await App.Send(new GetDebtorsQuery())).Single(d => d.ExternalId == externalId);
        Assert.Multiple(() =>
        {
            Assert.That(problem.FieldErrors("contacts[0].address.city"), Is.Not.Empty);
            Assert.That(problem.FieldErrors("contacts[0].address.postalCode")[0], Does.Contain("GB"));
            Assert.That(stored.Contacts[0].Address!.PostalCode, Is.EqualTo("SW1A 2AA"));
        });
    }

    [Test]
    public async Task Import_WithAnInvalidAddress_RejectsThatItemNamingThePart_AndStoresNothingOfIt()
    {
        var good = Item(Unique("deb"), Berlin, London);
        var badBilling = Item(Unique("deb"), new { lines = new[] { "Hauptstraße 1" }, postalCode = "ABCDE", city = "Berlin", country = "DE" }, null);
        var badContact = Item(Unique("deb"), Berlin, new { lines = new[] { "1 Main St" }, postalCode = "62704", country = "US" });

        var response = await (await Erp.PostAsJsonAsync("/api/v1/debtors/import", new { debtors = new[] { good, badBilling, badContact } })).ShouldBe(HttpStatusCode.OK);

        var items = response.GetProperty("items");
        Assert.Multiple(() =>
        {
            Assert.That(items.EnumerateArray().Select(i => i.GetProperty("status").GetString()), Is.EqualTo(new[] { "created", "rejected", "rejected" }));
            Assert.That(Errors(items[1]), Is.EquivalentTo(new[] { "billingAddress.postalCode" }));
            Assert.That(Errors(items[2]), Is.EquivalentTo(new[] { "contacts[0].address.city", "contacts[0].address.region" }));
            Assert.That(items[2].GetProperty("index").GetInt32(), Is.EqualTo(2));
        });
        Assert.That(await Count((string)badBilling["externalId"]!, (string)badContact["externalId"]!), Is.Zero);
        var created = await App.Send(new GetDebtorQuery(items[0].GetProperty("debtorId").GetString()!));
        Assert.That(created!.BillingAddress, Has.Property(nameof(PostalAddress.Country)).EqualTo("DE"));
        Assert.That(created.Contacts[0].Address!.PostalCode, Is.EqualTo("SW1A 2AA"));
    }

    [Test]
    public async Task Import_AfterAPutWithTheSameAddresses_IsUnchanged()
    {
        var externalId = Unique("deb");
        await Erp.PutDebtor(externalId, Body(Berlin, London));

        var response = await (await Erp.PostAsJsonAsync("/api/v1/debtors/import", new { debtors = new[] { Item(externalId, Berlin, London) } })).ShouldBe(HttpStatusCode.OK);

        Assert.That(response.GetProperty("items")[0].GetProperty("status").GetString(), Is.EqualTo("unchanged"));
    }

    private static Dictionary<string, object?> Body(object? billingAddress, object? contactAddress) => new()
    {
        ["name"] = "Acme GmbH",
        ["countryCode"] = "DE",
        ["timeZone"] = "Europe/Berlin",
        ["language"] = "de",
        ["currency"] = "EUR",
        ["creditLimit"] = 50000.00m,
        ["paymentTermsDays"] = 30,
        ["segment"] = "standard",
        ["contacts"] = new[] { new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true, address = contactAddress } },
        ["billingAddress"] = billingAddress,
    };

    private static Dictionary<string, object?> Item(string externalId, object? billingAddress, object? contactAddress)
    {
        var item = Body(billingAddress, contactAddress);
        item["externalId"] = externalId;
        return item;
    }

    private static string[] Errors(JsonElement item) => item.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();

    private async Task<int> Count(params string[] externalIds)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM invoicing_debtors WHERE external_id IN @Ids", new { Ids = externalIds }, CancellationToken.None);
    }
}
