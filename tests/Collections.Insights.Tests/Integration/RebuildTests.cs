using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Insights.Tests.Integration;

/// <summary>End to end through the real modules' endpoints: the rebuilt read model gives the same figures as the fed one.</summary>
public sealed class RebuildTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private async Task<string> Snapshot(string debtorId) => string.Join("\n",
        (await Staff.GetJson("/api/v1/insights/summary?from=2026-02-01&to=2026-02-28&currency=NOK")).GetRawText(),
        (await Staff.GetJson("/api/v1/insights/summary?currency=NOK")).GetRawText(),
        (await Staff.GetJson("/api/v1/insights/trend?months=3&currency=NOK")).GetRawText(),
        (await Staff.GetJson($"/api/v1/insights/debtors/{debtorId}/risk")).GetRawText());

    [Test]
    public async Task Rebuild_WhenFedThroughRealModules_EqualsTheIncrementalModel()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "NOK", creditLimit: 2000.00m));
        var a = await Erp.NewInvoice(external, 1000.00m, "2026-01-10", "2026-02-09", "NOK");
        var b = await Erp.NewInvoice(external, 600.00m, "2026-02-05", "2026-03-07", "NOK");
        var c = await Erp.NewInvoice(external, 400.00m, "2026-02-20", "2026-02-25", "NOK");
        var d = await Erp.NewInvoice(external, 250.00m, "2026-01-05", "2026-02-04", "NOK");
        await Erp.Pay(TestData.PaymentBody(debtorId, 300.00m, "NOK", [new { invoiceId = a, amount = 300.00m }], "bank_transfer", "2026-02-15", "R-1"));
        await Erp.Pay(TestData.PaymentBody(debtorId, 250.00m, "NOK", [new { invoiceId = d, amount = 250.00m }], "bank_transfer", "2026-02-20", "R-2"));
        await (await Staff.PostKeyed("/api/v1/disputes", new { invoiceId = c, amount = 100.00m, reason = "pricing", description = "Unit price differs from the order." })).ShouldBe(HttpStatusCode.Created);
        await (await Erp.PostKeyed($"/api/v1/invoices/{b}/credit-notes", new { amount = 50.00m, reason = "Damaged item" })).ShouldBe(HttpStatusCode.Created);

        var fed = await Snapshot(debtorId);
        var rebuilt = await (await Admin.PostAsync("/api/v1/insights/rebuild", null)).ShouldBe(HttpStatusCode.OK);
        var after = await Snapshot(debtorId);

        Assert.Multiple(() =>
        {
            Assert.That(rebuilt.GetProperty("items").GetInt32(), Is.GreaterThanOrEqualTo(4));
            Assert.That(rebuilt.GetProperty("payments").GetInt32(), Is.GreaterThanOrEqualTo(2));
            Assert.That(rebuilt.GetProperty("disputes").GetInt32(), Is.GreaterThanOrEqualTo(1));
            Assert.That(after, Is.EqualTo(fed));
        });
        var feb = await Staff.GetJson("/api/v1/insights/summary?from=2026-02-01&to=2026-02-28&currency=NOK");
        Assert.Multiple(() =>
        {
            // end of Feb: 1,000 + 600 + 400 + 250 − 300 − 250 = 1,700 (the credit note is dated 2 March, today)
            Assert.That(feb.GetProperty("receivables").GetProperty("amount").GetDecimal(), Is.EqualTo(1700.00m));
            Assert.That(feb.GetProperty("cashCollected").GetProperty("amount").GetDecimal(), Is.EqualTo(550.00m));
            Assert.That(feb.GetProperty("disputed").GetProperty("amount").GetDecimal(), Is.EqualTo(0m), "the dispute was opened on 2 March");
        });
    }

    [Test]
    public async Task Rebuild_WhenNotAdmin_Is403()
    {
        Assert.That((await Staff.PostAsync("/api/v1/insights/rebuild", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
