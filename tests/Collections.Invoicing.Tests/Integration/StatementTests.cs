using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Invoicing.Tests.Integration;

public sealed class StatementTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private string debtorId = null!;
    private string credited = null!;

    [OneTimeSetUp]
    public async Task CreateLedger()
    {
        var debtor = Unique("deb");
        debtorId = (await Erp.PutDebtor(debtor, TestData.DebtorBody("Müller, Söhne & Co"))).GetProperty("id").GetString()!;
        var overdue = JsonSerializer.SerializeToNode(TestData.InvoiceBody(debtor, 1000m, "2026-01-01", "2026-02-01"))!.AsObject();
        overdue["poNumber"] = "=HYPERLINK(\"http://evil\")";
        overdue["lateFeePolicy"] = JsonSerializer.SerializeToNode(new { kind = "flat", amount = 40m });
        await Erp.PutInvoice(Unique("inv"), overdue);
        credited = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 500m, "2026-02-20", "2026-03-20"))).GetProperty("id").GetString()!;
        await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(debtor, 99.99m, "2026-02-20", "2026-03-20", "USD"));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{credited}/credit-notes") { Content = JsonContent.Create(new { amount = 100m, reason = "Internal: goodwill for key account" }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await Erp.SendAsync(request)).ShouldBe(HttpStatusCode.Created);
        await (await Staff.PostAsJsonAsync("/api/v1/late-fees/assessments", new { asOf = "2026-03-02" })).ShouldBe(HttpStatusCode.OK);

        // 12.34 GBP with no GBP invoice to pay stays on account as unapplied credit.
        var payment = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments")
        {
            Content = JsonContent.Create(new { debtorId, amount = 12.34m, currency = "GBP", method = "bank_transfer", reference = "overpayment", receivedAt = "2026-03-01" }),
        };
        payment.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await Erp.SendAsync(payment)).ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Statement_ShowsOpenItemsTotalsPerCurrencyAndRecentEntries()
    {
        var statement = await (await Erp.GetAsync($"/api/v1/debtors/{debtorId}/statement")).ShouldBe(HttpStatusCode.OK);

        var items = statement.GetProperty("openItems").EnumerateArray().ToList();
        var eur = statement.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == "EUR");
        Assert.Multiple(() =>
        {
            Assert.That(statement.GetProperty("asOf").GetString(), Is.EqualTo("2026-03-02"));
            Assert.That(items.Select(i => i.GetProperty("kind").GetString()), Is.EqualTo(new[] { "invoice", "late_fee", "invoice", "invoice" }), "oldest due first");
            Assert.That(items[0].GetProperty("daysOverdue").GetInt32(), Is.EqualTo(29));
            Assert.That(eur.GetProperty("balance").Amount(), Is.EqualTo(1440m), "1,000 + 40 fee + 400 after the credit note");
            Assert.That(eur.GetProperty("overdue").Amount(), Is.EqualTo(1040m));
            Assert.That(eur.GetProperty("unappliedCredit").Amount(), Is.Zero);
            Assert.That(eur.GetProperty("netDue").Amount(), Is.EqualTo(1440m));
            var gbp = statement.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == "GBP");
            Assert.That(gbp.GetProperty("unappliedCredit").Amount(), Is.EqualTo(12.34m), "credit comes from Payments through GetUnappliedCreditQuery");
            Assert.That(gbp.GetProperty("netDue").Amount(), Is.EqualTo(-12.34m));
            Assert.That(statement.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("currency").GetString() == "USD").GetProperty("balance").Amount(), Is.EqualTo(99.99m));
            Assert.That(statement.GetProperty("recentEntries").EnumerateArray().Select(e => e.GetProperty("type").GetString()), Does.Contain("credit_note").And.Contain("charge"));
            Assert.That(statement.GetRawText(), Does.Not.Contain("Internal: goodwill"), "reasons and notes stay off the statement");
        });
    }

    [Test]
    public async Task Statement_AsCsv_IsOneSafeTable()
    {
        var response = await Erp.GetAsync($"/api/v1/debtors/{debtorId}/statement?format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), csv);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("row,number,po_number,kind,issue_date,due_date,days_overdue,currency,total,balance,disputed"));
            Assert.That(lines.Count(l => l.StartsWith("item,", StringComparison.Ordinal)), Is.EqualTo(4));
            Assert.That(lines, Does.Contain("total,,,,,,,EUR,,1440.00,0.00"));
            Assert.That(lines, Does.Contain("total,,,,,,,USD,,99.99,0.00"));
            Assert.That(lines, Does.Contain("unapplied_credit,,,,,,,GBP,,12.34,"));
            Assert.That(csv, Does.Contain("\"'=HYPERLINK(\"\"http://evil\"\")\""), "a formula is neutralised and quoted");
        });
    }

    [Test]
    public async Task Statement_AsCsv_ForAnExternalIdOfAnyCharacters_NamesTheFileInUtf8()
    {
        var externalId = Unique("Müller \"Söhne\" 東京");
        var id = (await Erp.PutDebtor(externalId, TestData.DebtorBody("Müller, Söhne & Co"))).GetProperty("id").GetString()!;

        var response = await Erp.GetAsync($"/api/v1/debtors/{id}/statement?format=csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.That(disposition.DispositionType, Is.EqualTo("attachment"));
        Assert.That(Uri.UnescapeDataString(disposition.FileNameStar!), Does.StartWith($"statement-{externalId}-").And.EndWith(".csv"));
        Assert.That(disposition.FileName, Does.Not.Contain("ü"), "the plain filename is an ASCII fallback");
    }

    [Test]
    public async Task Statement_WithAcceptTextCsv_IsCsv()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/debtors/{debtorId}/statement");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await Erp.SendAsync(request);

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
    }

    [Test]
    public async Task Statement_WhenFormatUnknown_Is400()
    {
        await (await Erp.GetAsync($"/api/v1/debtors/{debtorId}/statement?format=pdf")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Statement_WhenDebtorUnknown_Is404()
    {
        await (await Erp.GetAsync("/api/v1/debtors/deb_nobody/statement")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Statement_WhenAnonymous_Is401()
    {
        await (await Anonymous.GetAsync($"/api/v1/debtors/{debtorId}/statement")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
