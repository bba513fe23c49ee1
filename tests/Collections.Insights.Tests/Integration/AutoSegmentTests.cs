using Collections.Disputes.Contracts;
using Collections.Dunning.Contracts;
using Collections.Insights.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Collections.Insights.Tests.Integration.InsightsApi;

namespace Collections.Insights.Tests.Integration;

public sealed class AutoSegmentTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly NotificationRecorder published = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Insights:AutoSegment"] = "true",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RecordNotifications(published, typeof(DebtorRiskChanged));
    }

    [Test]
    public async Task Band_WhenDebtorEntersAndLeavesHigh_PublishesDebtorRiskChangedEachWay()
    {
        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 100.00m));
        var medium = await Erp.NewInvoice(external, 100.00m, "2026-01-01", "2026-01-31");
        var mine = () => published.Of<DebtorRiskChanged>(p => p.DebtorId == debtorId);
        string Seen() => string.Join("; ", mine());
        Assert.That(mine(), Is.Empty, "overdue 100 % (20) + limit 100 % (15) = 35: medium, not high");

        // broken commitments 3 of 3 → 15, chargebacks 2 of 2 → 5, disputes 1 of 1 invoice → 10: 35 + 30 = 65 → high
        var promise = "ptp_" + Guid.NewGuid().ToString("N")[..10];
        await App.Publish(new PromiseToPayMade(promise, debtorId, 100, "EUR", new DateOnly(2026, 2, 1), At(2026, 1, 20)));
        await App.Publish(new PromiseToPayBroken(promise, debtorId, 100, "EUR", At(2026, 2, 2)));
        foreach (var day in new[] { 3, 4 })
        {
            var plan = "pln_" + Guid.NewGuid().ToString("N")[..10];
            await App.Publish(new PaymentPlanActivated(plan, debtorId, [medium], 10_000, "EUR", 2, At(2026, 1, day)));
            await App.Publish(new PaymentPlanDefaulted(plan, debtorId, [medium], At(2026, 2, day)));
        }

        await App.Publish(new ChargebackOpened("pay_" + Guid.NewGuid().ToString("N")[..10], debtorId, 100, "EUR", "fraud", At(2026, 2, 5)));
        Assert.That(mine(), Is.Empty, "60: still medium");
        await App.Publish(new ChargebackOpened("pay_" + Guid.NewGuid().ToString("N")[..10], debtorId, 100, "EUR", "fraud", At(2026, 2, 6)));
        await App.Publish(new DisputeOpened("dsp_" + Guid.NewGuid().ToString("N")[..10], debtorId, medium, 100, "EUR", "quality", At(2026, 2, 7)));
        Assert.That(mine().Select(p => (p.PreviousBand, p.Band, p.Score)), Is.EqualTo(new[] { ("medium", "high", 65.0m) }), Seen());

        // paid 30 days late (weight 2): 25 × 30 ÷ 60 = 12.5; nothing owed: 12.5 + 15 + 5 + 10 = 42.5 → medium
        await App.Pay(debtorId, medium, 10_000, "EUR", new DateOnly(2026, 3, 2));

        Assert.That(mine().Select(p => (p.Band, p.Score)), Is.EqualTo(new[] { ("high", 65.0m), ("medium", 42.5m) }), Seen());
    }
}
