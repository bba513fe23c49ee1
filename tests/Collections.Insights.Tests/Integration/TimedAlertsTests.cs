using System.Text.Json;
using Collections.Disputes.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Insights.Tests.Integration;

/// <summary>Alerts raised by the passing of time, with the fake clock. Bands are lowered so a little risk is "high".</summary>
public sealed class TimedAlertsTests(DatabaseProvider provider) : ApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Insights:MediumBandFrom"] = "1",
        ["Insights:HighBandFrom"] = "2",
        ["Collections:FxRates:USD"] = "0.9",
    };

    private async Task<List<JsonElement>> AlertsOf(string debtorId, string type) =>
        (await Staff.GetJson("/api/v1/insights/alerts")).GetProperty("items").EnumerateArray()
        .Where(a => a.GetProperty("debtorId").GetString() == debtorId && a.GetProperty("type").GetString() == type).ToList();

    [Test]
    [Order(1)]
    public async Task LargeInvoiceAlert_WhenHighRiskDebtorsLargeInvoiceFallsDueWithin7Days_IsRaisedOnce()
    {
        var risky = Unique("deb");
        var riskyId = await Erp.NewDebtor(risky, TestData.DebtorBody(currency: "EUR", creditLimit: 100_000m));
        await Erp.NewInvoice(risky, 500.00m, "2026-01-01", "2026-01-31");
        var large = await Erp.NewInvoice(risky, 20_000.00m, "2026-02-05", "2026-03-07");
        await Erp.NewInvoice(risky, 9_999.99m, "2026-02-05", "2026-03-06");
        await Erp.NewInvoice(risky, 30_000.00m, "2026-02-05", "2026-03-10");
        var calm = Unique("deb");
        var calmId = await Erp.NewDebtor(calm, TestData.DebtorBody(currency: "EUR", creditLimit: 0m));
        await Erp.NewInvoice(calm, 20_000.00m, "2026-02-05", "2026-03-07");

        var first = await AlertsOf(riskyId, "high_risk_large_invoice_due");
        var again = await AlertsOf(riskyId, "high_risk_large_invoice_due");

        Assert.Multiple(async () =>
        {
            Assert.That(first, Has.Count.EqualTo(1), "only the 20,000 due on 7 March: 9,999.99 is below the threshold, 10 March is beyond 7 days");
            Assert.That(first[0].GetProperty("message").GetString(), Does.Contain("20000.00 EUR falling due on 2026-03-07"));
            Assert.That(again, Has.Count.EqualTo(1));
            Assert.That(await AlertsOf(calmId, "high_risk_large_invoice_due"), Is.Empty, "nothing overdue, no limit: score 0, low");
        });
        Assert.That(large, Is.Not.Empty);
    }

    [Test]
    [Order(2)]
    public async Task LargeInvoiceAlert_InAnotherCurrency_ComparesWithTheThresholdAtTheRate_AndWithoutARateWithNone()
    {
        var dollars = Unique("deb");
        var dollarsId = await Erp.NewDebtor(dollars, TestData.DebtorBody(currency: "USD", creditLimit: 100_000m));
        await Erp.NewInvoice(dollars, 500.00m, "2026-01-01", "2026-01-31", currency: "USD");
        await Erp.NewInvoice(dollars, 11_000.00m, "2026-02-05", "2026-03-06", currency: "USD");
        await Erp.NewInvoice(dollars, 11_200.00m, "2026-02-05", "2026-03-07", currency: "USD");
        var yen = Unique("deb");
        var yenId = await Erp.NewDebtor(yen, TestData.DebtorBody(currency: "JPY", creditLimit: 100_000_000m));
        await Erp.NewInvoice(yen, 5_000m, "2026-01-01", "2026-01-31", currency: "JPY");
        await Erp.NewInvoice(yen, 50_000_000m, "2026-02-05", "2026-03-07", currency: "JPY");

        var dollarAlerts = await AlertsOf(dollarsId, "high_risk_large_invoice_due");

        Assert.Multiple(async () =>
        {
            Assert.That(dollarAlerts, Has.Count.EqualTo(1), "10,000 EUR at 0.9 is 11,111.11 USD: 11,000 is below it, 11,200 above");
            Assert.That(dollarAlerts[0].GetProperty("message").GetString(), Does.Contain("11200.00 USD"));
            Assert.That(await AlertsOf(yenId, "high_risk_large_invoice_due"), Is.Empty, "no yen rate and no yen figure: no threshold, not 10,000 yen");
        });
    }

    [Test]
    [Order(3)]
    public async Task DisputeOverdueAlert_WhenOpenPastDueDays_IsRaisedOnceAndNotForClosed()
    {
        var debtorId = await Erp.NewDebtor(Unique("deb"));
        var open = "dsp_" + Guid.NewGuid().ToString("N")[..10];
        var closed = "dsp_" + Guid.NewGuid().ToString("N")[..10];
        await App.Publish(new DisputeOpened(open, debtorId, "inv_x", 5_000, "EUR", "quality", App.Time.GetUtcNow()));
        await App.Publish(new DisputeOpened(closed, debtorId, "inv_y", 5_000, "EUR", "quality", App.Time.GetUtcNow()));
        await App.Publish(new DisputeWithdrawn(closed, debtorId, "inv_y", App.Time.GetUtcNow().AddDays(1)));

        App.Time.Advance(TimeSpan.FromDays(14));
        Assert.That(await AlertsOf(debtorId, "dispute_overdue"), Is.Empty, "14 days is the due date itself, not past it");

        App.Time.Advance(TimeSpan.FromDays(1));
        var alerts = await AlertsOf(debtorId, "dispute_overdue");
        App.Time.Advance(TimeSpan.FromDays(3));
        var later = await AlertsOf(debtorId, "dispute_overdue");

        Assert.Multiple(() =>
        {
            Assert.That(alerts, Has.Count.EqualTo(1));
            Assert.That(alerts[0].GetProperty("message").GetString(), Does.Contain(open).And.Contain("50.00 EUR"));
            Assert.That(later, Has.Count.EqualTo(1), "once per cause");
        });
    }
}
