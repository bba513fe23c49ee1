using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Invoicing.Tests.Integration;

public sealed class ImportTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private const string RefusedByHandler = "REFUSED-BY-HANDLER";
    private string debtor = null!;
    private string debtorId = null!;

    [OneTimeSetUp]
    public async Task CreateDebtor()
    {
        debtor = Unique("deb");
        debtorId = (await Erp.PutDebtor(debtor)).GetProperty("id").GetString()!;
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddFailingReaction<InvoiceCreated>(n => n.Number == RefusedByHandler, _ => new BusinessRuleException("Refused by a test handler after the rows were written."));

    [Test]
    public async Task Import_WithMixedItems_SavesTheGoodOnesAndReportsEachBadOne()
    {
        var good1 = Item(Unique("imp"));
        var good2 = Item(Unique("imp"));
        var negative = Item(Unique("imp"), total: -5m);
        var unknownDebtor = Item(Unique("imp"), debtorExternalId: "nobody");
        var duplicate = Item((string)good1["externalId"]!);
        var noId = Item(null);

        var response = await Import(good1, negative, good2, unknownDebtor, duplicate, noId);

        Assert.Multiple(() =>
        {
            Assert.That(Statuses(response), Is.EqualTo(new[] { "created", "rejected", "created", "rejected", "rejected", "rejected" }));
            Assert.That(response.GetProperty("created").GetInt32(), Is.EqualTo(2));
            Assert.That(response.GetProperty("rejected").GetInt32(), Is.EqualTo(4));
            Assert.That(Item(response, 1).GetProperty("errors").GetProperty("total").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(Item(response, 3).GetProperty("errors").GetProperty("").EnumerateArray().First().GetString(), Does.Contain("nobody"));
            Assert.That(Item(response, 4).GetProperty("errors").GetProperty("externalId").EnumerateArray().First().GetString(), Does.Contain("more than once"));
            Assert.That(Item(response, 5).GetProperty("errors").TryGetProperty("externalId", out _), Is.True);
        });
        var stored = await ExternalIds();
        Assert.That(stored, Does.Contain((string)good1["externalId"]!).And.Contain((string)good2["externalId"]!));
        Assert.That(stored, Does.Not.Contain((string)negative["externalId"]!).And.Not.Contain((string)unknownDebtor["externalId"]!));
    }

    [Test]
    public async Task Import_WhenResent_IsUnchangedAndChangesNothing()
    {
        var items = new[] { Item(Unique("imp")), Item(Unique("imp"), total: 250.50m) };
        await Import(items);

        var again = await Import(items);

        Assert.That(Statuses(again), Is.EqualTo(new[] { "unchanged", "unchanged" }));
        var invoice = await (await Erp.GetAsync($"/api/v1/invoices/{Item(again, 1).GetProperty("invoiceId").GetString()}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(invoice.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(invoice.GetProperty("balance").Amount(), Is.EqualTo(250.50m));
    }

    [Test]
    public async Task Import_WhenItemMatchesAnEarlierPut_IsUnchanged()
    {
        var externalId = Unique("imp");
        var item = Item(externalId);
        var body = new Dictionary<string, object?>(item);
        body.Remove("externalId");
        await Erp.PutInvoice(externalId, body);

        Assert.That(Statuses(await Import(item)), Is.EqualTo(new[] { "unchanged" }));
    }

    [Test]
    public async Task Import_WhenMoneyChangesAfterCreditNote_RejectsThatItemAndUpdatesTheOthers()
    {
        var credited = Item(Unique("imp"), total: 100m);
        var other = Item(Unique("imp"), total: 100m);
        var first = await Import(credited, other);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{Item(first, 0).GetProperty("invoiceId").GetString()}/credit-notes")
        {
            Content = JsonContent.Create(new { amount = 10m, reason = "Returned goods" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await Erp.SendAsync(request)).ShouldBe(HttpStatusCode.Created);
        credited["total"] = 120m;
        other["total"] = 120m;

        var second = await Import(credited, other);

        Assert.That(Statuses(second), Is.EqualTo(new[] { "rejected", "updated" }));
        Assert.That(Item(second, 0).GetProperty("errors").GetProperty("").EnumerateArray().First().GetString(), Does.Contain("credit note"));
    }

    [Test]
    public async Task Import_WhenAnItemFailsAfterItsRowsWereWritten_RollsBackOnlyThatItem()
    {
        var good = Item(Unique("imp"));
        var refused = Item(Unique("imp"));
        refused["number"] = RefusedByHandler;

        var response = await Import(good, refused);

        Assert.That(Statuses(response), Is.EqualTo(new[] { "created", "rejected" }));
        Assert.That(await ExternalIds(), Does.Not.Contain((string)refused["externalId"]!));
        var activity = await (await Erp.GetAsync($"/api/v1/debtors/{debtorId}/activity?limit=200")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.GetRawText(), Does.Not.Contain(RefusedByHandler), "the item's activity entry was rolled back with it");
    }

    [Test]
    public async Task Import_WhenMoreThan1000Items_Is400()
    {
        var items = Enumerable.Range(0, 1001).Select(_ => Item(Unique("imp"))).ToArray();

        var problem = await (await Erp.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = items })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("invoices"), Is.Not.Empty);
    }

    [Test]
    public async Task Import_WhenEmpty_Is400()
    {
        await (await Erp.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = Array.Empty<object>() })).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Import_WhenAnonymous_Is401()
    {
        await (await Anonymous.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = new[] { Item(Unique("imp")) } })).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private Dictionary<string, object?> Item(string? externalId, decimal total = 1190.00m, string? debtorExternalId = null) => new()
    {
        ["externalId"] = externalId,
        ["debtorExternalId"] = debtorExternalId ?? debtor,
        ["number"] = "N-" + Guid.NewGuid().ToString("N")[..8],
        ["currency"] = "EUR",
        ["issueDate"] = "2026-02-01",
        ["dueDate"] = "2026-03-01",
        ["total"] = total,
    };

    private async Task<JsonElement> Import(params Dictionary<string, object?>[] items) =>
        await (await Erp.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = items })).ShouldBe(HttpStatusCode.OK);

    private async Task<List<string>> ExternalIds()
    {
        var list = await (await Erp.GetAsync($"/api/v1/invoices?debtorId={debtorId}&limit=200")).ShouldBe(HttpStatusCode.OK);
        return list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("externalId").GetString()!).ToList();
    }

    private static JsonElement Item(JsonElement response, int index) => response.GetProperty("items")[index];

    private static string[] Statuses(JsonElement response) =>
        response.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()!).ToArray();
}
