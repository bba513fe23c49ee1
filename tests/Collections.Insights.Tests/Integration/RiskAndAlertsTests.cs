using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Dunning.Contracts;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using static Collections.Insights.Tests.Integration.InsightsApi;

namespace Collections.Insights.Tests.Integration;

public sealed class RiskAndAlertsTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private async Task<List<JsonElement>> AlertsOf(string debtorId, string type) =>
        (await Staff.GetJson("/api/v1/insights/alerts")).GetProperty("items").EnumerateArray()
        .Where(a => a.GetProperty("debtorId").GetString() == debtorId && a.GetProperty("type").GetString() == type).ToList();

    [Test]
    public async Task Risk_WhenOverdueAndOverLimit_FactorsExplainAndAddUpToScore()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 1000.00m));
        await Erp.NewInvoice(external, 800.00m, "2026-01-02", "2026-02-01");
        await Erp.NewInvoice(external, 400.00m, "2026-02-20", "2026-03-20");

        var risk = await Staff.GetJson($"/api/v1/insights/debtors/{debtorId}/risk");
        var factors = risk.GetProperty("factors").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.Multiple(() =>
        {
            // overdue 800 of 1,200 = 66.7 %: 20 × 800 ÷ 1,200 = 13.33 → 13.3; limit use 120 % caps at 15
            Assert.That(factors["overdue_share"].GetProperty("contribution").GetDecimal(), Is.EqualTo(13.3m));
            Assert.That(factors["overdue_share"].GetProperty("value").GetDecimal(), Is.EqualTo(66.7m));
            Assert.That(factors["credit_limit_use"].GetProperty("contribution").GetDecimal(), Is.EqualTo(15m));
            Assert.That(factors["credit_limit_use"].GetProperty("explanation").GetString(), Is.EqualTo("Uses 120.0% of its credit limit of 1000.00 EUR."));
            Assert.That(factors["average_days_late"].GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(risk.GetProperty("score").GetDecimal(), Is.EqualTo(28.3m));
            Assert.That(factors.Values.Sum(f => f.GetProperty("contribution").GetDecimal()), Is.EqualTo(risk.GetProperty("score").GetDecimal()));
            Assert.That(risk.GetProperty("band").GetString(), Is.EqualTo("low"));
            Assert.That(risk.Amount("exposure"), Is.EqualTo(1200.00m));
        });
    }

    [Test]
    public async Task Risk_WhenUnknownDebtor_Is404AndErpKeyIs403()
    {
        await (await Staff.GetAsync("/api/v1/insights/debtors/deb_nope/risk")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.That((await Erp.GetAsync("/api/v1/insights/debtors/deb_nope/risk")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task RiskList_WhenFilteredByBand_RanksByScoreTimesExposureAndPages()
    {
        var big = Unique("deb");
        var bigId = await Erp.NewDebtor(big, TestData.DebtorBody(currency: "EUR", creditLimit: 100.00m));
        await Erp.NewInvoice(big, 9000.00m, "2026-01-02", "2026-02-01");
        var small = Unique("deb");
        var smallId = await Erp.NewDebtor(small, TestData.DebtorBody(currency: "EUR", creditLimit: 100.00m));
        await Erp.NewInvoice(small, 90.00m, "2026-01-02", "2026-02-01");

        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await Staff.GetJson($"/api/v1/insights/risk?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var ids = all.Select(i => i.GetProperty("debtorId").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain(bigId).And.Contain(smallId));
            Assert.That(ids, Is.Unique);
            Assert.That(ids.IndexOf(bigId), Is.LessThan(ids.IndexOf(smallId)), "same score, larger exposure first");
            Assert.That(all.First(i => i.GetProperty("debtorId").GetString() == bigId).GetProperty("mainFactor").GetProperty("name").GetString(), Is.EqualTo("overdue_share"));
        });
        await (await Staff.GetAsync("/api/v1/insights/risk?band=extreme")).ShouldBeProblem(HttpStatusCode.BadRequest);
        var high = await Staff.GetJson("/api/v1/insights/risk?band=high");
        Assert.That(high.GetProperty("items").EnumerateArray().All(i => i.GetProperty("band").GetString() == "high"), Is.True);
    }

    [Test]
    public async Task CreditLimitAlert_WhenBalanceCrossesLimit_IsRaisedOnceForThatCrossing()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 1000.00m));
        await Erp.NewInvoice(external, 600.00m, "2026-02-20", "2026-03-20");
        Assert.That(await AlertsOf(debtorId, "credit_limit_exceeded"), Is.Empty, "600 is within 1,000");

        await Erp.NewInvoice(external, 600.00m, "2026-02-21", "2026-03-21");
        await Erp.NewInvoice(external, 50.00m, "2026-02-22", "2026-03-22");

        var alerts = await AlertsOf(debtorId, "credit_limit_exceeded");
        Assert.That(alerts, Has.Count.EqualTo(1), "the third invoice adds to an exceeded limit; it is not a new crossing");
        Assert.That(alerts[0].GetProperty("message").GetString(), Does.Contain("1200.00 EUR").And.Contain("1000.00 EUR"));
    }

    [Test]
    public async Task CreditLimitAlert_WhenAnImportCrossesLimitMidBatch_IsRaisedOnceForTheCrossingInvoiceAndReplayCountsNothingTwice()
    {
        var external = Unique("deb");
        var other = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 1000.00m));
        var otherId = await Erp.NewDebtor(other, TestData.DebtorBody(currency: "EUR", creditLimit: 1000.00m));
        await Erp.NewInvoice(external, 300.00m, "2026-02-20", "2026-03-20");

        // 300 before; then 700, (other debtor), 1,100 (the crossing), 1,150 (already above: no new crossing)
        var items = new[] { (external, 400.00m), (other, 900.00m), (external, 400.00m), (external, 50.00m) }
            .Select((x, i) => new
            {
                externalId = Unique("imp"),
                debtorExternalId = x.Item1,
                number = $"IMP-{i}",
                currency = "EUR",
                issueDate = "2026-02-21",
                dueDate = "2026-03-21",
                total = x.Item2,
            }).ToArray();
        var import = await (await Erp.PostAsJsonAsync("/api/v1/invoices/import", new { invoices = items })).ShouldBe(HttpStatusCode.OK);
        Assert.That(import.GetProperty("created").GetInt32(), Is.EqualTo(4));

        var alerts = await AlertsOf(debtorId, "credit_limit_exceeded");
        Assert.That(alerts, Has.Count.EqualTo(1));
        Assert.That(alerts[0].GetProperty("message").GetString(), Does.Contain("1100.00 EUR").And.Contain("1000.00 EUR"));
        Assert.That(await AlertsOf(otherId, "credit_limit_exceeded"), Is.Empty, "900 is within 1,000");

        // The same batch told again (a replay, outside and inside a command's transaction) adds no rows, money or alerts.
        var created = import.GetProperty("items").EnumerateArray().Select((item, i) => new InvoiceCreated(
            item.GetProperty("invoiceId").GetString()!, i == 1 ? otherId : debtorId, items[i].externalId, items[i].number, "EUR",
            decimal.ToInt64(items[i].total * 100), new DateOnly(2026, 2, 21), new DateOnly(2026, 3, 21), At(2026, 2, 21))).ToList();
        await App.Publish(new InvoicesCreated(created));
        await App.PublishInTransaction(new InvoicesCreated(created));

        var risk = await Staff.GetJson($"/api/v1/insights/debtors/{debtorId}/risk");
        Assert.That(risk.Amount("exposure"), Is.EqualTo(1150.00m));
        Assert.That(await AlertsOf(debtorId, "credit_limit_exceeded"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PromiseAndPlanAlerts_WhenNotificationsReplayed_AreRaisedOncePerCause()
    {
        var debtorId = await Erp.NewDebtor(Unique("deb"));
        var promise = "ptp_" + Guid.NewGuid().ToString("N")[..10];
        var plan = "pln_" + Guid.NewGuid().ToString("N")[..10];
        await App.Publish(new PromiseToPayMade(promise, debtorId, 10_000, "EUR", new DateOnly(2026, 2, 27), At(2026, 2, 20)));
        for (var i = 0; i < 2; i++)
        {
            await App.Publish(new PromiseToPayBroken(promise, debtorId, 2_500, "EUR", At(2026, 3, 1)));
            await App.Publish(new PaymentPlanDefaulted(plan, debtorId, [], At(2026, 3, 1)));
        }

        var broken = await AlertsOf(debtorId, "promise_broken");
        Assert.That(broken, Has.Count.EqualTo(1));
        Assert.That(broken[0].GetProperty("message").GetString(), Does.Contain("25.00 EUR short"));
        Assert.That(await AlertsOf(debtorId, "plan_defaulted"), Has.Count.EqualTo(1));
        var risk = await Staff.GetJson($"/api/v1/insights/debtors/{debtorId}/risk");
        var commitments = risk.GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "broken_commitments");
        Assert.That(commitments.GetProperty("value").GetDecimal(), Is.EqualTo(1m), "the plan was never seen active; the promise counts once");
    }

    [Test]
    public async Task LateDriftAlert_WhenLast3PaidMuchLaterThanBaseline_IsRaisedOnce()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external);
        foreach (var (paidOn, count) in new[] { (new DateOnly(2026, 1, 5), 3), (new DateOnly(2026, 2, 20), 3) })
        {
            for (var i = 0; i < count; i++)
            {
                var invoice = await Erp.NewInvoice(external, 100.00m, "2025-12-06", "2026-01-05");
                await App.Pay(debtorId, invoice, 10_000, "EUR", paidOn);
            }
        }

        var alerts = await AlertsOf(debtorId, "days_late_drift");

        // The first late payment already makes it: last 3 = (46 + 0 + 0) ÷ 3 = 15.3 vs baseline 0 → 15.3 ≥ 10 days
        Assert.That(alerts, Has.Count.EqualTo(1));
        Assert.That(alerts[0].GetProperty("message").GetString(), Does.Contain("15.3 days late against a 12-month baseline of 0.0 days"));
    }

    [Test]
    public async Task Acknowledge_WhenRepeated_KeepsFirstAndFiltersOut()
    {
        var debtorId = await Erp.NewDebtor(Unique("deb"));
        var promise = "ptp_" + Guid.NewGuid().ToString("N")[..10];
        await App.Publish(new PromiseToPayMade(promise, debtorId, 10_000, "EUR", new DateOnly(2026, 2, 27), At(2026, 2, 20)));
        await App.Publish(new PromiseToPayBroken(promise, debtorId, 10_000, "EUR", At(2026, 3, 1)));
        var alert = (await AlertsOf(debtorId, "promise_broken")).Single();
        var id = alert.GetProperty("id").GetString();

        var first = await (await Staff.PostAsync($"/api/v1/insights/alerts/{id}/acknowledge", null)).ShouldBe(HttpStatusCode.OK);
        App.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await (await Admin.PostAsync($"/api/v1/insights/alerts/{id}/acknowledge", null)).ShouldBe(HttpStatusCode.OK);

        Assert.Multiple(async () =>
        {
            Assert.That(first.GetProperty("acknowledgedAt").GetDateTimeOffset(), Is.EqualTo(second.GetProperty("acknowledgedAt").GetDateTimeOffset()));
            Assert.That(second.GetProperty("acknowledgedBy").GetString(), Is.EqualTo(first.GetProperty("acknowledgedBy").GetString()));
            var open = await Staff.GetJson("/api/v1/insights/alerts?acknowledged=false");
            Assert.That(open.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()), Does.Not.Contain(id));
            var done = await Staff.GetJson("/api/v1/insights/alerts?acknowledged=true");
            Assert.That(done.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()), Does.Contain(id));
        });
        await (await Staff.PostAsync("/api/v1/insights/alerts/alr_nope/acknowledge", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.That((await Erp.GetAsync("/api/v1/insights/alerts")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
