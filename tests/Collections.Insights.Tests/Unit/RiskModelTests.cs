using Collections.Insights.Domain;
using Collections.SharedKernel;

namespace Collections.Insights.Tests.Unit;

public sealed class RiskModelTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 2);

    // Paid invoices (due → paid, days late, weight: paid within 90 days of 2 March counts double):
    //   1 Jan → 11 Jan   10 days   weight 2
    //  10 Jan → 10 Jan    0 days   weight 2
    //   1 Feb → 21 Feb   20 days   weight 2
    //   1 Oct → 31 Oct   30 days   weight 1 (122 days ago)
    private static readonly PaidInvoice[] Paid =
    [
        new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11)),
        new(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 10)),
        new(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 21)),
        new(new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 31)),
    ];

    private static readonly IndicativeRates Rates = new("EUR", new Dictionary<string, decimal> { ["USD"] = 0.92m, ["JPY"] = 0.0062m, ["KWD"] = 2.98m });

    private static Money M(long minor, string currency) => new(minor, Currency.Of(currency));

    private static RiskInputs Example(long creditLimit = 400_000) => new(
        "deb_1", AsOf, Paid, [OpenBalance.Of("EUR", 200_000, 50_000)], CreditLimit: M(creditLimit, "EUR"),
        BrokenPromises: 1, DefaultedPlans: 1, DisputesOpened: 1, InvoicesIssued: 8, Chargebacks: 1);

    private static RiskInputs Owing(IReadOnlyList<OpenBalance> open, Money creditLimit, IReadOnlyList<PaidInvoice>? paid = null) => new(
        "deb_4", AsOf, paid ?? [], open, creditLimit, 0, 0, 0, 0, 0);

    private static RiskFactor Factor(RiskScore score, string name) => score.Factors.Single(f => f.Name == name);

    private static decimal Contribution(RiskScore score, string name) => score.Factors.Single(f => f.Name == name).Contribution;

    [Test]
    public void Score_WhenWorkedExample_EachFactorMatchesHandComputation()
    {
        var score = RiskModel.Score(Example(), new InsightsOptions(), Rates);

        Assert.Multiple(() =>
        {
            // (10×2 + 0×2 + 20×2 + 30×1) ÷ 7 = 90 ÷ 7 = 12.857… → 12.9 days; 25 × 12.9 ÷ 60 = 5.375 → 5.4
            Assert.That(score.Factors.Single(f => f.Name == "average_days_late").Value, Is.EqualTo(12.9m));
            Assert.That(Contribution(score, "average_days_late"), Is.EqualTo(5.4m));
            // last 3 paid (20, 10, 0) avg 10 vs the one before (30): −20 → improving, adds nothing
            Assert.That(score.Factors.Single(f => f.Name == "days_late_trend").Value, Is.EqualTo(-20m));
            Assert.That(Contribution(score, "days_late_trend"), Is.EqualTo(0m));
            // 500 of 2,000 overdue = 25 %; 20 × 0.25 = 5.0
            Assert.That(Contribution(score, "overdue_share"), Is.EqualTo(5.0m));
            // 2,000 of a 4,000 limit = 50 %; 15 × 0.5 = 7.5
            Assert.That(Contribution(score, "credit_limit_use"), Is.EqualTo(7.5m));
            // 1 broken promise + 1 defaulted plan = 2 of the ceiling 3; 15 × 2 ÷ 3 = 10.0
            Assert.That(Contribution(score, "broken_commitments"), Is.EqualTo(10.0m));
            // 1 dispute on 8 invoices = 12.5 % of the 25 % ceiling; 10 × 0.5 = 5.0
            Assert.That(Contribution(score, "dispute_rate"), Is.EqualTo(5.0m));
            // 1 chargeback of the ceiling 2; 5 × 0.5 = 2.5
            Assert.That(Contribution(score, "chargebacks"), Is.EqualTo(2.5m));
        });
    }

    [Test]
    public void Score_WhenWorkedExample_IsTheSumOfContributionsAndMedium()
    {
        var score = RiskModel.Score(Example(), new InsightsOptions(), Rates);

        // 5.4 + 0 + 5.0 + 7.5 + 10.0 + 5.0 + 2.5 = 35.4 ≥ 35 → medium
        Assert.Multiple(() =>
        {
            Assert.That(score.Score, Is.EqualTo(35.4m));
            Assert.That(score.Factors.Sum(f => f.Contribution), Is.EqualTo(score.Score));
            Assert.That(score.Band, Is.EqualTo("medium"));
            Assert.That(score.Factors.Select(f => f.Name), Is.EquivalentTo(new[]
                { "average_days_late", "days_late_trend", "overdue_share", "credit_limit_use", "broken_commitments", "dispute_rate", "chargebacks" }));
            Assert.That(score.Factors.All(f => f.Explanation.EndsWith('.')), Is.True);
        });
    }

    [Test]
    public void Score_WhenOverCreditLimit_CapsTheFactorAtItsWeight()
    {
        var score = RiskModel.Score(Example(creditLimit: 100_000), new InsightsOptions(), Rates);

        Assert.Multiple(() =>
        {
            Assert.That(score.Factors.Single(f => f.Name == "credit_limit_use").Value, Is.EqualTo(200.0m));
            Assert.That(Contribution(score, "credit_limit_use"), Is.EqualTo(15m));
            Assert.That(score.Factors.Single(f => f.Name == "credit_limit_use").Explanation, Does.Contain("1000.00 EUR"));
        });
    }

    [Test]
    public void Score_WhenNoHistory_IsZeroAndLowWithReasons()
    {
        var score = RiskModel.Score(new RiskInputs("deb_2", AsOf, [], [], M(0, "EUR"), 0, 0, 0, 0, 0), new InsightsOptions(), Rates);

        Assert.Multiple(() =>
        {
            Assert.That(score.Score, Is.EqualTo(0m));
            Assert.That(score.Band, Is.EqualTo("low"));
            Assert.That(score.Factors.Single(f => f.Name == "credit_limit_use").Explanation, Is.EqualTo("No credit limit is set for this debtor."));
        });
    }

    [Test]
    public void Score_WhenWorseningAndEverythingMaxed_IsHighAndAtMost100()
    {
        var late = Enumerable.Range(0, 3).Select(i => new PaidInvoice(new DateOnly(2026, 1, 1).AddDays(i), new DateOnly(2026, 3, 1).AddDays(-i)))
            .Concat(Enumerable.Range(0, 6).Select(i => new PaidInvoice(new DateOnly(2025, 12, 1).AddDays(i), new DateOnly(2025, 12, 1).AddDays(i))))
            .ToList();
        var input = new RiskInputs("deb_3", AsOf, late, [OpenBalance.Of("EUR", 100, 100)], M(50, "EUR"), 3, 2, 9, 10, 5);

        var score = RiskModel.Score(input, new InsightsOptions(), Rates);

        Assert.Multiple(() =>
        {
            Assert.That(score.Factors.Single(f => f.Name == "days_late_trend").Contribution, Is.EqualTo(10m), "last 3 ~58 days late vs 0 before");
            Assert.That(score.Score, Is.LessThanOrEqualTo(100m));
            Assert.That(score.Band, Is.EqualTo("high"));
        });
    }

    [Test]
    public void Score_WhenWeightsConfigured_ContributionsFollowThem()
    {
        var options = new InsightsOptions { Weights = new RiskWeights { AverageDaysLate = 0, DaysLateTrend = 0, OverdueShare = 100, CreditLimitUse = 0, BrokenCommitments = 0, DisputeRate = 0, Chargebacks = 0 } };
        options.Validate();

        var score = RiskModel.Score(Example(), options, Rates);

        Assert.That(score.Score, Is.EqualTo(25.0m), "100 × 25 % overdue");
    }

    [Test]
    public void Validate_WhenWeightsDoNotAddUpTo100_Throws()
    {
        var options = new InsightsOptions { Weights = new RiskWeights { AverageDaysLate = 50 } };

        Assert.That(options.Validate, Throws.InvalidOperationException.With.Message.Contains("add up to 100"));
    }

    [Test]
    public void Score_WhenOnlyOverdueInvoicesAreInAnotherCurrency_CountsThemOverdue()
    {
        // Default currency EUR: 1,000.00 EUR not yet due, 500.00 USD (460.00 EUR) past due → 460 ÷ 1,460 = 31.5 %
        var score = RiskModel.Score(Owing([OpenBalance.Of("EUR", 1_000_00, 0), OpenBalance.Of("USD", 500_00, 500_00)], M(0, "EUR")), new InsightsOptions(), Rates);

        var overdue = Factor(score, "overdue_share");
        Assert.Multiple(() =>
        {
            Assert.That(overdue.Value, Is.EqualTo(31.5m));
            Assert.That(overdue.Contribution, Is.EqualTo(6.3m), "20 × 460 ÷ 1,460 = 6.30");
            Assert.That(overdue.Explanation, Is.EqualTo("500.00 USD of the open 1000.00 EUR and 500.00 USD (31.5% in EUR at indicative rates) is past due."));
        });
    }

    [Test]
    public void Score_WhenOpenInOneForeignCurrencyOnly_JudgesItInThatCurrencyWithoutRates()
    {
        var score = RiskModel.Score(Owing([OpenBalance.Of("USD", 400_00, 100_00)], M(0, "EUR")), new InsightsOptions(), IndicativeRates.None);

        Assert.Multiple(() =>
        {
            Assert.That(Factor(score, "overdue_share").Value, Is.EqualTo(25.0m));
            Assert.That(Factor(score, "overdue_share").Explanation, Is.EqualTo("100.00 USD of the open 400.00 USD (25.0%) is past its due date."));
        });
    }

    [Test]
    public void Score_WhenACurrencyHasNoRate_LeavesItOutOfTheAmountsAndNamesIt()
    {
        // No GBP rate: the share and the limit use see 1,000.00 EUR and 300.00 USD (276.00 EUR) only
        var open = new[] { OpenBalance.Of("EUR", 1_000_00, 1_000_00), OpenBalance.Of("USD", 300_00, 0), OpenBalance.Of("GBP", 700_00, 200_00) };

        var score = RiskModel.Score(Owing(open, M(2_000_00, "EUR")), new InsightsOptions(), Rates);

        Assert.Multiple(() =>
        {
            Assert.That(Factor(score, "overdue_share").Value, Is.EqualTo(78.4m), "1,000 ÷ 1,276");
            Assert.That(Factor(score, "overdue_share").Explanation, Is.EqualTo(
                "1000.00 EUR of the open 1000.00 EUR and 300.00 USD (78.4% in EUR at indicative rates) is past due."
                + " Not converted, for want of an indicative rate: 700.00 GBP open, 200.00 GBP of it past due."));
            Assert.That(Factor(score, "credit_limit_use").Value, Is.EqualTo(63.8m), "1,276 of 2,000");
            Assert.That(Factor(score, "credit_limit_use").Explanation, Is.EqualTo(
                "Uses 63.8% of its credit limit of 2000.00 EUR (1000.00 EUR and 300.00 USD at indicative rates)."
                + " Not converted, for want of an indicative rate: 700.00 GBP open, 200.00 GBP of it past due."));
        });
    }

    [Test]
    public void Score_WhenNothingOwedCanBeConverted_StatesNoShareAndStillJudgesDaysLateInEveryCurrency()
    {
        var paid = new[] { new PaidInvoice(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 21)) };

        var score = RiskModel.Score(Owing([OpenBalance.Of("USD", 300_00, 300_00), OpenBalance.Of("GBP", 100_00, 0)], M(1_000_00, "EUR"), paid), new InsightsOptions(), IndicativeRates.None);

        Assert.Multiple(() =>
        {
            Assert.That(Factor(score, "overdue_share").Value, Is.Null);
            Assert.That(Factor(score, "overdue_share").Contribution, Is.EqualTo(0m));
            Assert.That(Factor(score, "overdue_share").Explanation, Does.StartWith("What it owes in GBP and USD cannot be weighed in EUR"));
            Assert.That(Factor(score, "credit_limit_use").Value, Is.Null);
            Assert.That(Factor(score, "credit_limit_use").Explanation, Does.StartWith("Its credit limit of 1000.00 EUR cannot be compared with what it owes in GBP and USD")
                .And.Contain("100.00 GBP and 300.00 USD open, 300.00 USD of it past due."));
            Assert.That(Factor(score, "average_days_late").Value, Is.EqualTo(20m), "days late need no rate");
        });
    }

    [Test]
    public void Score_WhenLimitInYenAndOwingKwd_ComparesAtTheRates()
    {
        // 1.000 KWD = 2.98 EUR = 480.645… JPY → 481 JPY of a 1,000 JPY limit = 48.1 %; 15 × 0.481 = 7.215 → 7.2
        var score = RiskModel.Score(Owing([OpenBalance.Of("KWD", 1_000, 0)], M(1000, "JPY")), new InsightsOptions(), Rates);

        Assert.Multiple(() =>
        {
            Assert.That(Factor(score, "credit_limit_use").Value, Is.EqualTo(48.1m));
            Assert.That(Factor(score, "credit_limit_use").Contribution, Is.EqualTo(7.2m));
            Assert.That(Factor(score, "credit_limit_use").Explanation, Is.EqualTo("Uses 48.1% of its credit limit of 1000 JPY (1.000 KWD at indicative rates)."));
        });
    }

    [Test]
    public void LateDrift_WhenLast3AreLaterThanBaseline_MeasuresTheExcess()
    {
        // last 3 paid: 30, 20, 10 days late → 20.0; baseline (the others): 0 and 5 → 2.5; excess 17.5
        var paid = new[]
        {
            new PaidInvoice(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)),
            new PaidInvoice(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 21)),
            new PaidInvoice(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11)),
            new PaidInvoice(new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 1)),
            new PaidInvoice(new DateOnly(2025, 11, 1), new DateOnly(2025, 11, 6)),
        };

        var drift = LateDrift.Measure(paid);

        Assert.That(drift, Is.EqualTo(new LateDriftMeasure(20.0m, 2.5m, 17.5m)));
        Assert.That(LateDrift.Measure(paid.Take(3).ToList()), Is.Null, "no baseline without a 4th invoice");
    }
}
