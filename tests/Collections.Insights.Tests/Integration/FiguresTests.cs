using System.Net;
using Collections.Disputes.Contracts;
using Collections.Dunning.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using static Collections.Insights.Tests.Integration.InsightsApi;

namespace Collections.Insights.Tests.Integration;

/// <summary>
/// The worked example of CollectionFormulasTests, fed through the real modules and notifications. Each test uses
/// its own currency, so figures of one test never include another's invoices.
/// </summary>
public sealed class FiguresTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private async Task SeedFebruary(string currency)
    {
        var debtorExternal = Unique("deb");
        var debtorId = await Erp.NewDebtor(debtorExternal, TestData.DebtorBody(currency: currency));
        var a = await Erp.NewInvoice(debtorExternal, 1000.00m, "2026-01-10", "2026-02-09", currency);
        await Erp.NewInvoice(debtorExternal, 600.00m, "2026-02-05", "2026-03-07", currency);
        var c = await Erp.NewInvoice(debtorExternal, 400.00m, "2026-02-20", "2026-02-25", currency);
        await App.Pay(debtorId, a, 30_000, currency, new DateOnly(2026, 2, 15));

        var open = "dsp_" + Guid.NewGuid().ToString("N")[..10];
        await App.Publish(new DisputeOpened(open, debtorId, c, 40_000, currency, "pricing", At(2026, 2, 21)));
        foreach (var (opened, closed) in new[] { (At(2026, 2, 1), At(2026, 2, 11)), (At(2026, 2, 3), At(2026, 2, 7)) })
        {
            var id = "dsp_" + Guid.NewGuid().ToString("N")[..10];
            await App.Publish(new DisputeOpened(id, debtorId, c, 1_000, currency, "pricing", opened));
            await App.Publish(new DisputeResolved(id, debtorId, c, "rejected", 0, currency, closed));
        }

        foreach (var kept in new[] { true, true, false })
        {
            var id = "ptp_" + Guid.NewGuid().ToString("N")[..10];
            await App.Publish(new PromiseToPayMade(id, debtorId, 10_000, currency, new DateOnly(2026, 2, 10), At(2026, 2, 2)));
            await App.Publish(kept ? new PromiseToPayKept(id, debtorId, At(2026, 2, 10)) : new PromiseToPayBroken(id, debtorId, 10_000, currency, At(2026, 2, 11)));
        }

        foreach (var defaulted in new[] { true, false, false, false })
        {
            var id = "pln_" + Guid.NewGuid().ToString("N")[..10];
            await App.Publish(new PaymentPlanActivated(id, debtorId, [a], 10_000, currency, 2, At(2026, 1, 5)));
            await App.Publish(defaulted ? new PaymentPlanDefaulted(id, debtorId, [a], At(2026, 2, 12)) : new PaymentPlanCompleted(id, debtorId, At(2026, 2, 12)));
        }
    }

    [Test]
    public async Task Summary_WhenWorkedExampleFedThroughModules_MatchesHandComputedFigures()
    {
        await SeedFebruary("CHF");

        var s = await Erp.GetJson("/api/v1/insights/summary?from=2026-02-01&to=2026-02-28&currency=CHF");

        Assert.Multiple(() =>
        {
            Assert.That(s.GetProperty("days").GetInt32(), Is.EqualTo(28));
            Assert.That(s.Amount("beginningReceivables"), Is.EqualTo(1000.00m));
            Assert.That(s.Amount("creditSales"), Is.EqualTo(1000.00m));
            Assert.That(s.Amount("receivables"), Is.EqualTo(1700.00m), "payment dated on its received day, 15 Feb");
            Assert.That(s.Amount("currentReceivables"), Is.EqualTo(600.00m));
            Assert.That(s.Amount("overdue"), Is.EqualTo(1100.00m));
            Assert.That(s.Number("overduePercent"), Is.EqualTo(64.7m));
            Assert.That(s.Amount("disputed"), Is.EqualTo(400.00m));
            Assert.That(s.Amount("cashCollected"), Is.EqualTo(300.00m));
            Assert.That(s.Number("dso"), Is.EqualTo(47.6m));
            Assert.That(s.Number("countbackDso"), Is.EqualTo(49.7m));
            Assert.That(s.Number("bestPossibleDso"), Is.EqualTo(16.8m));
            Assert.That(s.Number("averageDaysDelinquent"), Is.EqualTo(30.8m));
            Assert.That(s.Number("cei"), Is.EqualTo(21.4m));
            Assert.That(s.Number("promiseKeptRate"), Is.EqualTo(66.7m));
            Assert.That(s.Number("planDefaultRate"), Is.EqualTo(25.0m));
            Assert.That(s.GetProperty("openDisputes").GetInt32(), Is.EqualTo(1));
            Assert.That(s.GetProperty("overdueDisputes").GetInt32(), Is.EqualTo(0), "opened 21 Feb, due 7 Mar");
            Assert.That(s.Number("medianDaysToResolveDispute"), Is.EqualTo(7.0m));
            // A (due 9 Feb, 19 days past due) 700 + C (due 25 Feb, 3 days) 400 in 1–30; B current
            Assert.That(s.GetProperty("aging").EnumerateArray().Select(b => (b.GetProperty("bucket").GetString(), b.Amount("amount"))),
                Is.EqualTo(new[] { ("current", 600.00m), ("1-30", 1100.00m), ("31-60", 0.00m), ("61-90", 0.00m), ("90+", 0.00m) }));
        });
    }

    [Test]
    public async Task Trend_WhenMonthHasNoSales_DsoIsNullAndCeiStillComputed()
    {
        await SeedFebruary("SEK");

        var trend = await Staff.GetJson("/api/v1/insights/trend?months=3&currency=SEK");
        var months = trend.GetProperty("months").EnumerateArray().ToList();

        Assert.That(months, Has.Count.EqualTo(3));
        var (jan, feb, mar) = (months[0], months[1], months[2]);
        Assert.Multiple(() =>
        {
            Assert.That(jan.GetProperty("from").GetString(), Is.EqualTo("2026-01-01"));
            // January: 1,000 sold, 1,000 owed, all current: DSO 1,000 ÷ 1,000 × 31 = 31.0; CEI 0 ÷ 0 → null
            Assert.That(jan.Number("dso"), Is.EqualTo(31.0m));
            Assert.That(jan.Number("cei"), Is.Null);
            Assert.That(feb.Number("dso"), Is.EqualTo(47.6m), "a full month equals the summary for it");
            Assert.That(feb.Number("cei"), Is.EqualTo(21.4m));
            Assert.That(feb.Amount("cashCollected"), Is.EqualTo(300.00m));
            // March to date (1–2 Mar): no sales → DSO undefined; CEI (1,700 + 0 − 1,700) ÷ (1,700 − 600) = 0
            Assert.That(mar.GetProperty("to").GetString(), Is.EqualTo("2026-03-02"));
            Assert.That(mar.Number("dso"), Is.Null);
            Assert.That(mar.Number("cei"), Is.EqualTo(0.0m));
            Assert.That(mar.Amount("receivables"), Is.EqualTo(1700.00m));
            // 2 March: A 21 days past due, C 5 days → 1–30: 1,100; B current
            Assert.That(mar.GetProperty("aging")[1].Amount("amount"), Is.EqualTo(1100.00m));
            Assert.That(feb.GetProperty("aging")[0].Amount("amount"), Is.EqualTo(600.00m));
        });
    }

    [Test]
    public async Task Summary_WhenCurrencyHasNoDecimals_AmountsAreWholeUnits()
    {
        var debtorExternal = Unique("deb");
        await Erp.NewDebtor(debtorExternal, TestData.DebtorBody(currency: "JPY", creditLimit: 5_000_000m));
        await Erp.NewInvoice(debtorExternal, 120_000m, "2026-02-01", "2026-03-03", "JPY");

        var s = await Erp.GetJson("/api/v1/insights/summary?from=2026-02-01&to=2026-02-28&currency=JPY");

        Assert.Multiple(() =>
        {
            Assert.That(s.GetProperty("receivables").GetProperty("amount").GetRawText(), Is.EqualTo("120000"));
            Assert.That(s.Number("dso"), Is.EqualTo(28.0m), "120,000 ÷ 120,000 × 28");
            Assert.That(s.Number("cei"), Is.Null, "nothing was collectible: (0 + 120,000 − 120,000) ÷ (0 + 120,000 − 120,000)");
        });
    }

    [TestCase("/api/v1/insights/summary?from=2026-02-01&to=2026-02-28", "currency")]
    [TestCase("/api/v1/insights/summary?currency=XXX", "currency")]
    [TestCase("/api/v1/insights/summary?currency=EUR&from=2026-03-01&to=2026-02-01", "from")]
    [TestCase("/api/v1/insights/trend?currency=EUR&months=0", "months")]
    [TestCase("/api/v1/insights/trend?currency=EUR&months=37", "months")]
    public async Task Figures_WhenBadInput_Are400WithFieldErrors(string url, string field)
    {
        var problem = await (await Staff.GetAsync(url)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors(field), Is.Not.Empty);
    }

    [Test]
    public async Task Summary_WhenDateIsMalformed_Is400()
    {
        await (await Staff.GetAsync("/api/v1/insights/summary?currency=EUR&from=yesterday")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Summary_WhenAnonymous_Is401()
    {
        Assert.That((await Anonymous.GetAsync("/api/v1/insights/summary?currency=EUR")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
