using System.Net;
using System.Net.Http.Json;
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
        AdvanceTo(sentAt.AddDays(14));
        await Run();
        await Erp.Pay(TestData.PaymentBody(debtorId, 300.00m, method: "bank_transfer", receivedAt: Today.ToString("yyyy-MM-dd"), reference: "BANK-77", allocations: [new { invoiceId = first, amount = 300.00m }]));
        var disputeId = (await PostKeyed(Staff, "/api/v1/disputes", new { invoiceId = second, amount = 100.00m, reason = "pricing", description = "Unit price differs from the quote." })).GetProperty("id").GetString();
        await (await Staff.PostAsJsonAsync($"/api/v1/disputes/{disputeId}/messages", new { body = "We are checking the quote <today>.", @internal = false })).ShouldBe(HttpStatusCode.Created);
        await (await Staff.PostAsJsonAsync($"/api/v1/disputes/{disputeId}/messages", new { body = "Sales admits the quote was lower.", @internal = true })).ShouldBe(HttpStatusCode.Created);
        var paidOff = await PaidInvoiceWithTerms(ext, debtorId);
        await PostKeyed(Staff, "/api/v1/promises", new { debtorId, amount = new { amount = 200m, currency = "EUR" }, promisedDate = Today.AddDays(5).ToString("yyyy-MM-dd"), invoiceIds = new[] { first } });
        await (await Staff.PostAsJsonAsync($"/api/v1/debtors/{debtorId}/escalations", new { type = "agency", agencyName = "Inkasso Nord", contingencyFeePercent = 12.5m, note = "No reply for months" })).ShouldBe(HttpStatusCode.Created);

        var file = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file")).ShouldBe(HttpStatusCode.OK);

        Assert.That(file.GetProperty("debtor").GetProperty("name").GetString(), Is.EqualTo("Case & Co <b>KG</b>"));
        Assert.That(file.GetProperty("debtor").GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("email").GetString()), Is.EquivalentTo(new[] { "anna@acme.example", "felix@acme.example" }));
        Assert.That(file.GetProperty("openItems").EnumerateArray().Select(i => (i.GetProperty("id").GetString(), i.GetProperty("balanceMinor").GetInt64())),
            Is.EquivalentTo(new[] { (first, 70000L), (second, 50000L) }));
        Assert.That(file.GetProperty("totals").EnumerateArray().Single().GetProperty("openMinor").GetInt64(), Is.EqualTo(120000));
        var invoices = file.GetProperty("invoices").EnumerateArray().ToDictionary(i => i.GetProperty("item").GetProperty("id").GetString()!);
        Assert.That(invoices.Keys, Is.EquivalentTo(new[] { first, second, paidOff }), "paid invoices belong in the evidence too");
        Assert.That(invoices[paidOff].GetProperty("item").GetProperty("status").GetString(), Is.EqualTo("paid"));
        var terms = invoices[paidOff].GetProperty("terms");
        Assert.That((terms.GetProperty("netDays").GetInt32(), terms.GetProperty("earlyPaymentDiscountPercent").GetDecimal(), terms.GetProperty("earlyPaymentDiscountDays").GetInt32()),
            Is.EqualTo((30, 2m, 10)));
        var ledger = file.GetProperty("ledger").EnumerateArray().ToList();
        var firstEntries = ledger.Where(e => e.GetProperty("itemId").GetString() == first).ToList();
        Assert.That(firstEntries.Last().GetProperty("balanceAfterMinor").GetInt64(), Is.EqualTo(70000));
        Assert.That(firstEntries.Any(e => e.GetProperty("amountMinor").GetInt64() == -30000 || e.GetProperty("amountMinor").GetInt64() == 30000), Is.True);
        Assert.That(firstEntries.Select(e => e.GetProperty("itemNumber").GetString()).Distinct(), Is.EqualTo(new[] { "CF-1" }));
        Assert.That(ledger.Any(e => e.GetProperty("itemId").GetString() == second), Is.True);
        Assert.That(file.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("amountMinor").GetInt64()), Is.EquivalentTo(new[] { 30000L, 20000L }));
        var dispute = file.GetProperty("disputes").EnumerateArray().Single();
        Assert.That(dispute.GetProperty("dispute").GetProperty("invoiceId").GetString(), Is.EqualTo(second));
        Assert.That(dispute.GetProperty("description").GetString(), Is.EqualTo("Unit price differs from the quote."));
        Assert.That(dispute.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()), Is.EqualTo(new[] { "We are checking the quote <today>." }),
            "the thread the debtor saw, never the creditor's internal notes");
        Assert.That(file.GetProperty("plans").GetArrayLength(), Is.EqualTo(0));
        Assert.That(file.GetProperty("promises").EnumerateArray().Single().GetProperty("amount").GetProperty("amount").GetDecimal(), Is.EqualTo(200m));
        var all = file.GetProperty("messages").EnumerateArray().ToList();
        Assert.That(all.Count(m => m.GetProperty("purpose").GetString() == "receipt"), Is.EqualTo(2), "both payments were acknowledged");
        var messages = all.Where(m => m.GetProperty("purpose").GetString() == "reminder").ToList();
        Assert.That(messages.Select(m => (m.GetProperty("channel").GetString(), m.GetProperty("step").GetString())), Is.EqualTo(new[] { ("email", "notice"), ("email", "firm") }));
        Assert.That(messages.Select(Ids), Has.All.EquivalentTo(new[] { first, second }));
        Assert.That(messages[0].GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(sentAt));
        var task = file.GetProperty("tasks").EnumerateArray().Single();
        Assert.That((task.GetProperty("kind").GetString(), task.GetProperty("step").GetString()), Is.EqualTo(("call", "call")));
        Assert.That(Ids(task), Is.EquivalentTo(new[] { first, second }));
        var escalation = file.GetProperty("escalations").EnumerateArray().Single();
        Assert.That((escalation.GetProperty("type").GetString(), escalation.GetProperty("agencyName").GetString(), escalation.GetProperty("contingencyFeePercent").GetDecimal()),
            Is.EqualTo(("agency", "Inkasso Nord", 12.5m)));
    }

    [Test]
    public async Task CaseFile_AsHtml_IsAPrintableDocumentThatEscapesEverythingAndRunsNoScript()
    {
        var (debtorId, ext) = await CreateDebtor("Evil <script>alert(1)</script> AG");
        var invoiceId = await CreateInvoice(ext, Today.AddDays(-9), 1000.00m, "CF-<b>9</b>");
        await PostKeyed(Staff, "/api/v1/disputes", new { invoiceId, reason = "quantity", description = "<img src=x onerror=alert(2)>" });

        var response = await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file?format=html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.StartWith("default-src 'none'; style-src 'sha256-"));
        Assert.That(csp, Does.Not.Contain("unsafe"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Contain("Evil &lt;script&gt;alert(1)&lt;/script&gt; AG"));
        Assert.That(html, Does.Contain("CF-&lt;b&gt;9&lt;/b&gt;"));
        Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(2)&gt;"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<b>"));
        Assert.That(html, Does.Contain("€1,000.00").And.Contain("<html lang=\"en\">").And.Contain("<h2>Invoices and terms</h2>"));
    }

    [Test]
    public async Task CaseFile_ForAGermanDebtor_IsLabelledInGerman_UnlessAnotherLanguageIsAsked()
    {
        var (debtorId, ext) = await CreateDebtor(language: "de");
        await CreateInvoice(ext, Today.AddDays(-9), 1234.56m);

        var german = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file?format=html")).Content.ReadAsStringAsync();
        var english = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file?format=html&language=en")).Content.ReadAsStringAsync();

        Assert.That(german, Does.Contain("<html lang=\"de\">").And.Contain("1.234,56 €").And.Not.Contain("Invoices and terms").And.Not.Contain("None."));
        Assert.That(english, Does.Contain("<html lang=\"en\">").And.Contain("Invoices and terms"));
        await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file?format=html&language=klingon")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task CaseFile_WhenFormatUnknown_Is400()
    {
        var (debtorId, _) = await CreateDebtor();

        await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/case-file?format=pdf")).ShouldBeProblem(HttpStatusCode.BadRequest);
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

    /// <summary>An invoice on 30 days net with 2 % for payment within 10 days, paid in full (no discount: paid late).</summary>
    private async Task<string> PaidInvoiceWithTerms(string debtorExternalId, string debtorId)
    {
        var invoiceId = await Erp.NewInvoice(debtorExternalId, 200.00m, Today.AddDays(-60).ToString("yyyy-MM-dd"), Today.AddDays(-30).ToString("yyyy-MM-dd"),
            terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2m, withinDays = 10 } }, poNumber: null, number: "CF-3");
        await Erp.Pay(TestData.PaymentBody(debtorId, 200.00m, receivedAt: Today.ToString("yyyy-MM-dd"), reference: "W-3", allocations: [new { invoiceId, amount = 200.00m }]));
        return invoiceId;
    }

}
