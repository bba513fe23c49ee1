using Collections.Invoicing.Domain.LateFees;
using Collections.SharedKernel;

namespace Collections.Invoicing.Tests.Unit;

public sealed class LateFeeCalculatorTests
{
    private static readonly Currency Eur = Currency.Of("EUR");
    private static readonly DateOnly Due = new(2026, 1, 31);

    private static LateFeeSubject Invoice(long balance = 100_000, long disputed = 0, bool planned = false, long charged = 0, IEnumerable<(DateOnly, long)>? payments = null, params string[] assessed) =>
        new(Eur, Due, new BalanceHistory(new[] { (new DateOnly(2026, 1, 1), balance) }.Concat(payments ?? [])), disputed, planned, charged, assessed.ToHashSet());

    [Test]
    public void Flat_WhenInsideGrace_ChargesNothing()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.Flat, Amount: 40m, GraceDays: 5);

        Assert.That(LateFeeCalculator.Assess(policy, Invoice(), Due.AddDays(5)), Is.Empty);
    }

    [Test]
    public void Flat_WhenGracePassed_ChargesOncePerStartedPeriod()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.Flat, Amount: 40m, GraceDays: 5, PeriodDays: 30);

        var fees = LateFeeCalculator.Assess(policy, Invoice(), Due.AddDays(36));

        Assert.That(fees.Select(f => (f.PeriodKey, f.AssessedFor, f.AmountMinor)), Is.EqualTo(new[]
        {
            ("period-1", Due.AddDays(6), 4000L),
            ("period-2", Due.AddDays(36), 4000L),
        }));
    }

    [Test]
    public void Flat_WhenPeriodAlreadyAssessed_IsNotChargedAgain()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.Flat, Amount: 40m, PeriodDays: 30);

        var fees = LateFeeCalculator.Assess(policy, Invoice(charged: 4000, assessed: "period-1"), Due.AddDays(31));

        Assert.That(fees.Select(f => f.PeriodKey), Is.EqualTo(new[] { "period-2" }));
    }

    [Test]
    public void Flat_WhenPaidWithinGrace_ChargesNothing()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.Flat, Amount: 40m, GraceDays: 5);

        Assert.That(LateFeeCalculator.Assess(policy, Invoice(payments: [(Due.AddDays(5), -100_000)]), Due.AddDays(90)), Is.Empty);
    }

    [Test]
    public void Percent_RoundsHalfAwayFromZeroOnTheUndisputedBalance()
    {
        // 1.5% of (1,000.33 − 200.00 disputed) = 12.00495 → 12.00; of 1,000.33 − 0.00 = 15.00495 → 15.00; 0.05% of 1,000.00 = 0.50 exactly.
        var policy = new LateFeePolicyRequest(LateFeeKind.Percent, Percent: 1.5m);

        Assert.That(LateFeeCalculator.Assess(policy, Invoice(100_033, disputed: 20_000), Due.AddDays(1)).Single().AmountMinor, Is.EqualTo(1200));
        Assert.That(LateFeeCalculator.Assess(policy, Invoice(100_033), Due.AddDays(1)).Single().AmountMinor, Is.EqualTo(1500));
        Assert.That(LateFeeCalculator.Assess(policy with { Percent = 0.0505m }, Invoice(1_000), Due.AddDays(1)).Single().AmountMinor, Is.EqualTo(1), "0.505 rounds up");
    }

    [Test]
    public void Percent_UsesTheBalanceOwedWhenThePeriodStarts()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.Percent, Percent: 10m, PeriodDays: 30);

        var fees = LateFeeCalculator.Assess(policy, Invoice(payments: [(Due.AddDays(10), -60_000)]), Due.AddDays(31));

        Assert.That(fees.Select(f => f.AmountMinor), Is.EqualTo(new[] { 10_000L, 4_000L }));
    }

    [Test]
    public void AnyPolicy_WhenFullyDisputed_RecordsAZeroDecision()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.Flat, Amount: 40m);

        var fee = LateFeeCalculator.Assess(policy, Invoice(disputed: 100_000), Due.AddDays(1)).Single();

        Assert.That(fee.AmountMinor, Is.Zero);
        Assert.That(fee.Description, Does.Contain("disputed"));
    }

    [Test]
    public void AnyPolicy_WhenInPaymentPlan_ChargesNothing()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.AnnualInterest, Percent: 8m, PeriodDays: 30);

        var fees = LateFeeCalculator.Assess(policy, Invoice(planned: true), Due.AddDays(60));

        Assert.That(fees.Select(f => f.AmountMinor), Is.EqualTo(new[] { 0L, 0L }));
    }

    [Test]
    public void Cap_BoundsTheSumOfAllFeesOfTheInvoice()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.Flat, Amount: 40m, Cap: 100m, PeriodDays: 30);

        var fees = LateFeeCalculator.Assess(policy, Invoice(charged: 4_000, assessed: "period-1"), Due.AddDays(91));

        Assert.That(fees.Select(f => f.AmountMinor), Is.EqualTo(new[] { 4_000L, 2_000L, 0L }));
    }

    [Test]
    public void AnnualInterest_AccruesByTheDayFromTheDueDate_RoundedOncePerPeriod()
    {
        // 8% a year on 1,000.00 for 30 days: 100000 × 30 × 8 / 100 / 365 = 657.53… → 6.58 EUR.
        var policy = new LateFeePolicyRequest(LateFeeKind.AnnualInterest, Percent: 8m, GraceDays: 10, PeriodDays: 30);

        Assert.That(LateFeeCalculator.Assess(policy, Invoice(), Due.AddDays(29)), Is.Empty, "the period is not complete yet");
        var fee = LateFeeCalculator.Assess(policy, Invoice(), Due.AddDays(30)).Single();

        Assert.That(fee.AmountMinor, Is.EqualTo(658));
        Assert.That(fee.AssessedFor, Is.EqualTo(Due.AddDays(30)));
    }

    [Test]
    public void AnnualInterest_FollowsPartPayments_DayByDay()
    {
        // Owed 1,000.00 at the end of days 1–10, 400.00 after the payment on day 11 (days 11–30) at 36.5%: (100000×10 + 40000×20) × 0.365 / 365 = 1800.
        var policy = new LateFeePolicyRequest(LateFeeKind.AnnualInterest, Percent: 36.5m, PeriodDays: 30);

        var fee = LateFeeCalculator.Assess(policy, Invoice(payments: [(Due.AddDays(11), -60_000)]), Due.AddDays(30)).Single();

        Assert.That(fee.AmountMinor, Is.EqualTo(1_800));
    }

    [Test]
    public void Statutory_ChargesCompensationOnceAndReferencePlusMarginInterest()
    {
        // EU style: reference 2.15% + 8% margin = 10.15% a year, plus 40.00 once.
        var policy = new LateFeePolicyRequest(LateFeeKind.Statutory, ReferenceRatePercent: 2.15m, MarginPercent: 8m, Compensation: 40m, PeriodDays: 30);

        var fees = LateFeeCalculator.Assess(policy, Invoice(), Due.AddDays(30));

        // 100000 × 30 × 10.15 / 100 / 365 = 834.25 → 834.
        Assert.That(fees.Select(f => (f.PeriodKey, f.AmountMinor)), Is.EqualTo(new[] { ("compensation", 4_000L), ("interest-1", 834L) }));
    }

    [Test]
    public void DailyRuns_GiveTheSameFeesAsOneRunAfterDowntime()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.Statutory, ReferenceRatePercent: 2m, MarginPercent: 8m, Compensation: 40m, GraceDays: 3, PeriodDays: 7);
        var payments = new[] { (Due.AddDays(9), -30_000L), (Due.AddDays(20), -70_000L) };
        var once = LateFeeCalculator.Assess(policy, Invoice(payments: payments), Due.AddDays(60));

        var assessed = new List<LateFeeDecision>();
        for (var day = Due; day <= Due.AddDays(60); day = day.AddDays(1))
        {
            for (var hour = 0; hour < 2; hour++)
            {
                assessed.AddRange(LateFeeCalculator.Assess(policy, Invoice(charged: assessed.Sum(f => f.AmountMinor), payments: payments, assessed: assessed.Select(f => f.PeriodKey).ToArray()), day));
            }
        }

        Assert.That(assessed, Is.EqualTo(once));
        Assert.That(once.Select(f => f.PeriodKey), Is.EqualTo(new[] { "compensation", "interest-1", "interest-2", "interest-3" }), "no interest once settled");
    }

    [Test]
    public void PolicyJson_RoundTrips()
    {
        var policy = new LateFeePolicyRequest(LateFeeKind.AnnualInterest, Percent: 9.5m, GraceDays: 7, Cap: 250m);

        Assert.That(LateFeePolicyRequest.FromJson(policy.ToJson()), Is.EqualTo(policy));
    }
}
