using Collections.Insights.Domain;
using Collections.SharedKernel;

namespace Collections.Insights.Tests.Unit;

public sealed class CollectionFormulasTests
{
    // February 2026 (28 days), EUR:
    //   beginning receivables (31 Jan)   1,000.00   invoice A, issued 10 Jan, due 9 Feb
    //   credit sales in February         1,000.00   B 600.00 (due 7 Mar) + C 400.00 (due 25 Feb)
    //   payment on A, 15 Feb               300.00
    //   ending receivables (28 Feb)      1,700.00   = 1,000 + 1,000 − 300
    //   ending current (due ≥ 28 Feb)      600.00   B only
    private static PeriodTotals February(long disputed = 0) => new(
        new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28),
        BeginningReceivables: 100_000, CreditSales: 100_000, EndingReceivables: 170_000, EndingCurrentReceivables: 60_000,
        MonthsNewestFirst: [(28, 100_000), (31, 100_000), (31, 0)],
        CashCollected: 30_000, Disputed: disputed, OpenDisputes: 1, OverdueDisputes: 0, DaysToResolveDisputes: [10, 4],
        PromisesKept: 2, PromisesBroken: 1, PlansDefaulted: 1, PlansCompleted: 3);

    [Test]
    public void Dso_WhenWorkedExample_IsEndingReceivablesOverSalesTimesDays()
    {
        // 1,700 ÷ 1,000 × 28 = 47.6
        Assert.That(CollectionFormulas.Dso(170_000, 100_000, 28), Is.EqualTo(47.6m));
    }

    [Test]
    public void BestPossibleDso_WhenWorkedExample_UsesCurrentReceivablesOnly()
    {
        // 600 ÷ 1,000 × 28 = 16.8
        Assert.That(CollectionFormulas.BestPossibleDso(60_000, 100_000, 28), Is.EqualTo(16.8m));
    }

    [Test]
    public void AverageDaysDelinquent_WhenWorkedExample_IsDsoMinusBestPossible()
    {
        // 47.6 − 16.8 = 30.8 = 1,100 overdue ÷ 1,000 × 28
        Assert.That(CollectionFormulas.AverageDaysDelinquent(170_000, 60_000, 100_000, 28), Is.EqualTo(30.8m));
    }

    [Test]
    public void Cei_WhenWorkedExample_MatchesHandComputation()
    {
        // (1,000 + 1,000 − 1,700) ÷ (1,000 + 1,000 − 600) × 100 = 300 ÷ 1,400 × 100 = 21.428… → 21.4
        Assert.That(CollectionFormulas.Cei(100_000, 100_000, 170_000, 60_000), Is.EqualTo(21.4m));
    }

    [Test]
    public void Cei_WhenEverythingCollected_Is100()
    {
        // (500 + 1,000 − 0) ÷ (500 + 1,000 − 0) × 100 = 100
        Assert.That(CollectionFormulas.Cei(50_000, 100_000, 0, 0), Is.EqualTo(100m));
    }

    [Test]
    public void CountbackDso_WhenReceivablesSpillIntoPreviousMonth_CountsFullMonthPlusFraction()
    {
        // 1,700 owed: February's 1,000 of sales absorbs 1,000 (28 days); 700 of January's 1,000 remain:
        // 28 + 700 ÷ 1,000 × 31 = 28 + 21.7 = 49.7
        Assert.That(CollectionFormulas.CountbackDso(170_000, [(28, 100_000), (31, 100_000)]), Is.EqualTo(49.7m));
    }

    [Test]
    public void CountbackDso_WhenCoveredByCurrentMonth_IsFractionOfItsDays()
    {
        // 250 of March's 1,000 (to 20 March): 250 ÷ 1,000 × 20 = 5.0
        Assert.That(CollectionFormulas.CountbackDso(25_000, [(20, 100_000), (28, 0)]), Is.EqualTo(5.0m));
    }

    [Test]
    public void CountbackDso_WhenAMonthHadNoSales_CountsAllItsDays()
    {
        // 500 owed; March (20 days) had no sales, February 1,000: 20 + 500 ÷ 1,000 × 28 = 20 + 14 = 34.0
        Assert.That(CollectionFormulas.CountbackDso(50_000, [(20, 0), (28, 100_000)]), Is.EqualTo(34.0m));
    }

    [Test]
    public void Dso_WhenMonthHasNoSales_IsNullNotZeroOrInfinite()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CollectionFormulas.Dso(170_000, 0, 31), Is.Null);
            Assert.That(CollectionFormulas.BestPossibleDso(60_000, 0, 31), Is.Null);
            Assert.That(CollectionFormulas.AverageDaysDelinquent(170_000, 60_000, 0, 31), Is.Null);
        });
    }

    [Test]
    public void Cei_WhenMonthHasNoSales_StillComputesFromBeginningReceivables()
    {
        // March, no sales: (1,700 + 0 − 1,200) ÷ (1,700 + 0 − 600) × 100 = 500 ÷ 1,100 × 100 = 45.45… → 45.5
        Assert.That(CollectionFormulas.Cei(170_000, 0, 120_000, 60_000), Is.EqualTo(45.5m));
    }

    [Test]
    public void Cei_WhenNothingToCollect_IsNull()
    {
        Assert.That(CollectionFormulas.Cei(0, 0, 0, 0), Is.Null);
    }

    [Test]
    public void Median_WhenEvenCount_IsMeanOfMiddleTwo()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CollectionFormulas.Median([10, 4]), Is.EqualTo(7m));
            Assert.That(CollectionFormulas.Median([1, 2, 4, 9]), Is.EqualTo(3m));
            Assert.That(CollectionFormulas.Median([5, 1, 3]), Is.EqualTo(3m));
            Assert.That(CollectionFormulas.Median([1, 2]), Is.EqualTo(1.5m));
            Assert.That(CollectionFormulas.Median([]), Is.Null);
        });
    }

    [Test]
    public void Round1_WhenMidpoint_RoundsAwayFromZero()
    {
        // 1 ÷ 8 × 100 = 12.5 exactly; 1 ÷ 16 × 100 = 6.25 → 6.3 (not banker's 6.2)
        Assert.Multiple(() =>
        {
            Assert.That(CollectionFormulas.Percent(1, 8), Is.EqualTo(12.5m));
            Assert.That(CollectionFormulas.Percent(1, 16), Is.EqualTo(6.3m));
        });
    }

    [Test]
    public void Compose_WhenWorkedExample_GivesEveryFigure()
    {
        var f = PeriodFigures.Compose(February(disputed: 40_000), Currency.Of("EUR"));

        Assert.Multiple(() =>
        {
            Assert.That(f.Days, Is.EqualTo(28));
            Assert.That(f.Receivables.Amount, Is.EqualTo(1700.00m));
            Assert.That(f.Overdue.Amount, Is.EqualTo(1100.00m));
            Assert.That(f.OverduePercent, Is.EqualTo(64.7m), "1,100 ÷ 1,700 = 64.70…%");
            Assert.That(f.Disputed.Amount, Is.EqualTo(400.00m));
            Assert.That(f.Dso, Is.EqualTo(47.6m));
            Assert.That(f.CountbackDso, Is.EqualTo(49.7m));
            Assert.That(f.BestPossibleDso, Is.EqualTo(16.8m));
            Assert.That(f.AverageDaysDelinquent, Is.EqualTo(30.8m));
            Assert.That(f.Cei, Is.EqualTo(21.4m));
            Assert.That(f.PromiseKeptRate, Is.EqualTo(66.7m), "2 kept of 3 resolved");
            Assert.That(f.PlanDefaultRate, Is.EqualTo(25.0m), "1 defaulted of 4 ended");
            Assert.That(f.MedianDaysToResolveDispute, Is.EqualTo(7.0m), "median of 4 and 10");
            Assert.That(f.CashCollected.Amount, Is.EqualTo(300.00m));
        });
    }

    [Test]
    public void Compose_WhenCurrencyHasNoDecimals_AmountsAreWholeYen()
    {
        // JPY: minor unit = major unit. Sales ¥1,000,000 in 30 days, ¥250,000 owed (all current):
        // DSO = 250,000 ÷ 1,000,000 × 30 = 7.5; CEI = (0 + 1,000,000 − 250,000) ÷ (0 + 1,000,000 − 250,000) × 100 = 100
        var totals = new PeriodTotals(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), 0, 1_000_000, 250_000, 250_000,
            [(30, 1_000_000)], 750_000, 0, 0, 0, [], 0, 0, 0, 0);

        var f = PeriodFigures.Compose(totals, Currency.Of("JPY"));

        Assert.Multiple(() =>
        {
            Assert.That(f.Receivables.Amount, Is.EqualTo(250_000m));
            Assert.That(f.Receivables.Amount.Scale, Is.EqualTo(0), "no decimals for JPY");
            Assert.That(f.CashCollected.Amount, Is.EqualTo(750_000m));
            Assert.That(f.Dso, Is.EqualTo(7.5m));
            Assert.That(f.CountbackDso, Is.EqualTo(7.5m));
            Assert.That(f.Cei, Is.EqualTo(100m));
            Assert.That(f.PromiseKeptRate, Is.Null, "no promise resolved");
        });
    }

    [Test]
    public void CountbackMonths_WhenEndIsMidMonth_NewestMonthCountsDaysToDate()
    {
        var sales = new Dictionary<int, long> { [202603] = 5, [202602] = 7 };

        var months = PeriodFigures.CountbackMonths(new DateOnly(2026, 3, 20), sales, 3);

        Assert.That(months, Is.EqualTo(new[] { (20, 5L), (28, 7L), (31, 0L) }));
    }

    [TestCase("2026-03-02", 0)]
    [TestCase("2026-03-01", 1)]
    [TestCase("2026-01-31", 1)]
    [TestCase("2026-01-30", 2)]
    [TestCase("2026-01-01", 2)]
    [TestCase("2025-12-31", 3)]
    [TestCase("2025-12-02", 3)]
    [TestCase("2025-12-01", 4)]
    public void BucketOf_WhenDaysPastDue_FallsInTheRightBucket(string due, int bucket)
    {
        // as of 2 March 2026: due 1 March is 1 day past due; 31 Jan is 30; 30 Jan is 31; 2 Dec is 90; 1 Dec is 91
        Assert.That(PeriodFigures.BucketOf(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 3, 2)), Is.EqualTo(bucket));
    }
}
