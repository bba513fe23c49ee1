using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Insights.Tests.Integration;

/// <summary>
/// Credit limits and risk see every currency a debtor owes in, at the indicative rates (EUR reporting; 1 USD = 0.92 EUR,
/// 1 JPY = 0.0062 EUR, 1 KWD = 2.98 EUR; no GBP rate). Today is 2 March 2026.
/// </summary>
public sealed class CurrencyExposureTests(DatabaseProvider provider) : ApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Collections:FxRates:USD"] = "0.92",
        ["Collections:FxRates:JPY"] = "0.0062",
        ["Collections:FxRates:KWD"] = "2.98",
    };

    private async Task<List<string>> AlertsOf(string debtorId, string type) =>
        (await Staff.GetJson("/api/v1/insights/alerts")).GetProperty("items").EnumerateArray()
        .Where(a => a.GetProperty("debtorId").GetString() == debtorId && a.GetProperty("type").GetString() == type)
        .Select(a => a.GetProperty("message").GetString()!).ToList();

    private async Task<Dictionary<string, JsonElement>> FactorsOf(string debtorId) =>
        (await Staff.GetJson($"/api/v1/insights/debtors/{debtorId}/risk")).GetProperty("factors").EnumerateArray()
        .ToDictionary(f => f.GetProperty("name").GetString()!);

    [Test]
    public async Task CreditLimitAlert_WhenEuroAndDollarInvoicesTogetherCrossAEuroLimit_IsRaisedOnTheCrossingInvoice()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 1000.00m));
        await Erp.NewInvoice(external, 800.00m, "2026-02-20", "2026-03-20");
        await Erp.NewInvoice(external, 200.00m, "2026-02-20", "2026-03-20", currency: "USD");
        Assert.That(await AlertsOf(debtorId, "credit_limit_exceeded"), Is.Empty, "800.00 + 184.00 EUR is within 1,000");

        await Erp.NewInvoice(external, 100.00m, "2026-02-21", "2026-03-21", currency: "USD");

        var alerts = await AlertsOf(debtorId, "credit_limit_exceeded");
        Assert.That(alerts, Is.EqualTo(new[] { "Acme GmbH now owes 1076.00 EUR at indicative rates (800.00 EUR and 300.00 USD), above its credit limit of 1000.00 EUR." }));
        Assert.That(await AlertsOf(debtorId, "credit_limit_unchecked"), Is.Empty);
        var risk = await Staff.GetJson($"/api/v1/insights/debtors/{debtorId}/risk");
        Assert.Multiple(() =>
        {
            Assert.That(risk.Amount("exposure"), Is.EqualTo(1076.00m));
            Assert.That(risk.GetProperty("open").EnumerateArray().Select(m => $"{m.GetProperty("amount").GetDecimal()} {m.GetProperty("currency").GetString()}"),
                Is.EqualTo(new[] { "800.00 EUR", "300.00 USD" }));
        });
    }

    [Test]
    public async Task CreditLimitAlert_WhenAnImportMixesCurrencies_CountsEveryCurrencyInOrder()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 1000.00m));
        var items = new[] { (500.00m, "USD"), (500.00m, "EUR"), (100.00m, "USD") }
            .Select((x, i) => new { externalId = Unique("imp"), debtorExternalId = external, number = $"IMP-{i}", currency = x.Item2, issueDate = "2026-02-21", dueDate = "2026-03-21", total = x.Item1 })
            .ToArray();

        await (await Erp.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = items })).ShouldBe(System.Net.HttpStatusCode.OK);

        // 460.00, then 960.00 (within), then 1,052.00 EUR: the third invoice crosses
        Assert.That(await AlertsOf(debtorId, "credit_limit_exceeded"), Is.EqualTo(new[]
            { "Acme GmbH now owes 1052.00 EUR at indicative rates (500.00 EUR and 600.00 USD), above its credit limit of 1000.00 EUR." }));
    }

    [Test]
    public async Task CreditLimit_WhenACurrencyHasNoRate_TheAlertAndTheRiskNameIt()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 1000.00m));

        await Erp.NewInvoice(external, 700.00m, "2026-02-20", "2026-03-20", currency: "GBP");
        await Erp.NewInvoice(external, 300.00m, "2026-02-20", "2026-03-20", currency: "GBP");

        Assert.That(await AlertsOf(debtorId, "credit_limit_unchecked"), Is.EqualTo(new[]
        {
            "Acme GmbH owes 700.00 GBP, which cannot be compared with its credit limit of 1000.00 EUR: there is no indicative rate for GBP (Collections:FxRates).",
        }), "once per currency");
        var factors = await FactorsOf(debtorId);
        Assert.Multiple(() =>
        {
            Assert.That(factors["credit_limit_use"].GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(factors["credit_limit_use"].GetProperty("explanation").GetString(), Is.EqualTo(
                "Its credit limit of 1000.00 EUR cannot be compared with what it owes in GBP (Collections:FxRates). Not converted, for want of an indicative rate: 1000.00 GBP open, nothing of it past due."));
        });

        await Erp.NewInvoice(external, 1100.00m, "2026-02-21", "2026-03-21");

        Assert.That(await AlertsOf(debtorId, "credit_limit_exceeded"), Is.EqualTo(new[]
            { "Acme GmbH now owes 1100.00 EUR, above its credit limit of 1000.00 EUR. Not compared, for want of an indicative rate: 1000.00 GBP." }));
        var risk = await Staff.GetJson($"/api/v1/insights/debtors/{debtorId}/risk");
        Assert.That(risk.GetProperty("notConverted").EnumerateArray().Select(m => m.GetProperty("currency").GetString()), Is.EqualTo(new[] { "GBP" }));
    }

    [Test]
    public async Task CreditLimitAlert_WhenLimitInYenAndInvoicesInEuroAndDinar_ConvertsAcrossDecimals()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "JPY", creditLimit: 100000m));
        await Erp.NewInvoice(external, 600.00m, "2026-02-20", "2026-03-20");
        await Erp.NewInvoice(external, 1.000m, "2026-02-20", "2026-03-20", currency: "KWD");
        Assert.That(await AlertsOf(debtorId, "credit_limit_exceeded"), Is.Empty, "96,774 + 481 JPY is within 100,000");

        await Erp.NewInvoice(external, 20.000m, "2026-02-21", "2026-03-21", currency: "KWD");

        // 600.00 EUR ÷ 0.0062 = 96,774 JPY; 21.000 KWD × 2.98 ÷ 0.0062 = 10,093.5… → 10,094 JPY
        Assert.That(await AlertsOf(debtorId, "credit_limit_exceeded"), Is.EqualTo(new[]
            { "Acme GmbH now owes 106868 JPY at indicative rates (600.00 EUR and 21.000 KWD), above its credit limit of 100000 JPY." }));
    }

    [Test]
    public async Task Risk_WhenTheOnlyOverdueInvoicesAreInDollarsAndTheDebtorInEuro_CountsThemOverdue()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 2000.00m));
        await Erp.NewInvoice(external, 1000.00m, "2026-02-20", "2026-03-20");
        await Erp.NewInvoice(external, 500.00m, "2026-01-02", "2026-02-01", currency: "USD");

        var risk = await Staff.GetJson($"/api/v1/insights/debtors/{debtorId}/risk");
        var factors = risk.GetProperty("factors").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.Multiple(() =>
        {
            // 460.00 EUR of 1,460.00 EUR past due = 31.5 %, 20 × 0.315 = 6.3; 1,460 of 2,000 = 73 %, 15 × 0.73 = 10.95 → 11.0
            Assert.That(factors["overdue_share"].GetProperty("value").GetDecimal(), Is.EqualTo(31.5m));
            Assert.That(factors["overdue_share"].GetProperty("contribution").GetDecimal(), Is.EqualTo(6.3m));
            Assert.That(factors["overdue_share"].GetProperty("explanation").GetString(),
                Is.EqualTo("500.00 USD of the open 1000.00 EUR and 500.00 USD (31.5% in EUR at indicative rates) is past due."));
            Assert.That(factors["credit_limit_use"].GetProperty("value").GetDecimal(), Is.EqualTo(73.0m));
            Assert.That(risk.Amount("exposure"), Is.EqualTo(1460.00m));
        });
    }

    [Test]
    public async Task Risk_WhenPaidLateInAnotherCurrency_CountsTheDaysLate()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR"));
        var invoice = await Erp.NewInvoice(external, 100.00m, "2026-01-01", "2026-01-31", currency: "USD");
        await App.Pay(debtorId, invoice, 100_00, "USD", new DateOnly(2026, 2, 20));

        var factors = await FactorsOf(debtorId);

        Assert.That(factors["average_days_late"].GetProperty("value").GetDecimal(), Is.EqualTo(20m));
    }

    [Test]
    public async Task RiskList_WhenDebtorsOweInDifferentCurrencies_RanksByTheExposureAtTheRates()
    {
        // Same score (all overdue): 500,000 JPY is 3,100.00 EUR and ranks below 5,000.00 EUR, though it is more units
        var yen = Unique("deb");
        var yenId = await Erp.NewDebtor(yen, TestData.DebtorBody(currency: "JPY", creditLimit: 0m));
        await Erp.NewInvoice(yen, 500000m, "2026-01-02", "2026-02-01", currency: "JPY");
        var euro = Unique("deb");
        var euroId = await Erp.NewDebtor(euro, TestData.DebtorBody(currency: "EUR", creditLimit: 0m));
        await Erp.NewInvoice(euro, 5000.00m, "2026-01-02", "2026-02-01");

        var items = (await Staff.GetJson("/api/v1/insights/risk?limit=100")).GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.GetProperty("debtorId").GetString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ids.IndexOf(euroId), Is.LessThan(ids.IndexOf(yenId)));
            Assert.That(items.Single(i => i.GetProperty("debtorId").GetString() == yenId).Amount("exposure"), Is.EqualTo(3100.00m));
        });
    }
}
