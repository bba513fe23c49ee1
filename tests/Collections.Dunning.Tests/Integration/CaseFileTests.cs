using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

public sealed class CaseFileTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [Test]
    public async Task CaseFile_AfterAFullCollectionHistory_HoldsEveryPieceOfEvidence()
    {
        var (debtorId, ext) = await CreateDebtor("Case & Co <b>KG</b>");
        var first = await CreateInvoice(ext, Today.AddDays(-9), 1000.00m, "CF-1");
        var second = await CreateInvoice(ext, Today.AddDays(-8), 500.00m, "CF-2");
        await Run();
        var sentAt = App.Time.GetUtcNow();
        AdvanceTo(sentAt.AddDays(7));
        await Run();
        await Post(Erp, "/api/v1/payments", new { debtorId, amount = 300.00m, currency = "EUR", method = "bank_transfer", reference = "BANK-77", receivedAt = Today.ToString("yyyy-MM-dd"), allocations = new[] { new { invoiceId = first, amount = 300.00m } } });
        await Post(Staff, "/api/v1/disputes", new { invoiceId = second, amount = 100.00m, reason = "pricing", description = "Unit price differs from the quote." });
        await (await Staff.PostAsJsonAsync("/api/v1/promises", new { debtorId, amount = new { amount = 200m, currency = "EUR" }, promisedDate = Today.AddDays(5).ToString("yyyy-MM-dd") })).ShouldBe(HttpStatusCode.Created);
        await (await Staff.PostAsJsonAsync($"/api/v1/debtors/{debtorId}/escalations", new { type = "agency", agencyName = "Inkasso Nord", contingencyFeePercent = 12.5m, note = "No reply for months" })).ShouldBe(HttpStatusCode.Created);

        var file = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file")).ShouldBe(HttpStatusCode.OK);

        Assert.That(file.GetProperty("debtor").GetProperty("name").GetString(), Is.EqualTo("Case & Co <b>KG</b>"));
        Assert.That(file.GetProperty("debtor").GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("email").GetString()), Is.EquivalentTo(new[] { "anna@acme.example", "felix@acme.example" }));
        Assert.That(file.GetProperty("openItems").EnumerateArray().Select(i => (i.GetProperty("id").GetString(), i.GetProperty("balanceMinor").GetInt64())),
            Is.EquivalentTo(new[] { (first, 70000L), (second, 50000L) }));
        Assert.That(file.GetProperty("totals").EnumerateArray().Single().GetProperty("openMinor").GetInt64(), Is.EqualTo(120000));
        var ledger = file.GetProperty("ledger").EnumerateArray().ToList();
        var firstEntries = ledger.Where(e => e.GetProperty("itemId").GetString() == first).ToList();
        Assert.That(firstEntries.Last().GetProperty("balanceAfterMinor").GetInt64(), Is.EqualTo(70000));
        Assert.That(firstEntries.Any(e => e.GetProperty("amountMinor").GetInt64() == -30000 || e.GetProperty("amountMinor").GetInt64() == 30000), Is.True);
        Assert.That(firstEntries.Select(e => e.GetProperty("itemNumber").GetString()).Distinct(), Is.EqualTo(new[] { "CF-1" }));
        Assert.That(ledger.Any(e => e.GetProperty("itemId").GetString() == second), Is.True);
        var payment = file.GetProperty("payments").EnumerateArray().Single();
        Assert.That(payment.GetProperty("amountMinor").GetInt64(), Is.EqualTo(30000));
        var dispute = file.GetProperty("disputes").EnumerateArray().Single();
        Assert.That(dispute.GetProperty("invoiceId").GetString(), Is.EqualTo(second));
        Assert.That(file.GetProperty("plans").GetArrayLength(), Is.EqualTo(0));
        Assert.That(file.GetProperty("promises").EnumerateArray().Single().GetProperty("amount").GetProperty("amount").GetDecimal(), Is.EqualTo(200m));
        var message = file.GetProperty("messages").EnumerateArray().Single();
        Assert.That(message.GetProperty("channel").GetString(), Is.EqualTo("email"));
        Assert.That(Ids(message), Is.EquivalentTo(new[] { first, second }));
        Assert.That(message.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(sentAt));
        Assert.That(message.GetProperty("step").GetString(), Is.EqualTo("firm"));
        var task = file.GetProperty("tasks").EnumerateArray().Single();
        Assert.That((task.GetProperty("kind").GetString(), task.GetProperty("step").GetString()), Is.EqualTo(("call", "call")));
        Assert.That(Ids(task), Is.EquivalentTo(new[] { first, second }));
        var escalation = file.GetProperty("escalations").EnumerateArray().Single();
        Assert.That((escalation.GetProperty("type").GetString(), escalation.GetProperty("agencyName").GetString(), escalation.GetProperty("contingencyFeePercent").GetDecimal()),
            Is.EqualTo(("agency", "Inkasso Nord", 12.5m)));
    }

    [Test]
    public async Task CaseFile_IsForStaffOnly_AndUnknownDebtorIsNotFound()
    {
        var (debtorId, _) = await CreateDebtor();

        await (await Staff.GetAsync("/api/v1/debtors/deb_missing/case-file")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.That((await Erp.GetAsync($"/api/v1/debtors/{debtorId}/case-file")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Anonymous.GetAsync($"/api/v1/debtors/{debtorId}/case-file")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var empty = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file")).ShouldBe(HttpStatusCode.OK);
        Assert.That(empty.GetProperty("openItems").GetArrayLength() + empty.GetProperty("messages").GetArrayLength() + empty.GetProperty("ledger").GetArrayLength(), Is.EqualTo(0));
    }

    private static async Task<JsonElement> Post(HttpClient client, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await (await client.SendAsync(request)).ShouldBe(HttpStatusCode.Created);
    }
}
