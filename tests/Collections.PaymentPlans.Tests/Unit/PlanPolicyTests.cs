using Collections.PaymentPlans.Domain;
using Collections.PaymentPlans.Features.Plans;
using Collections.SharedKernel;
using Collections.SharedKernel.Security;

namespace Collections.PaymentPlans.Tests.Unit;

public sealed class PlanPolicyTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static PlanPolicyOptions Policy() => new()
    {
        MaxInstallments = 6,
        MaxDaysToFirstPayment = 30,
        MinDownPaymentPercent = 10,
        AutoApproveMaxAmount = 5_000m,
        MinInstallmentAmount = 50m,
        SelfApproveRoles = [Roles.Debtor, Roles.Staff],
    };

    private static IReadOnlyList<string> Codes(long total = 3000_00, int count = 4, long down = 300_00, int daysToFirst = 10, bool defaulted = false, string role = Roles.Debtor, string currency = "EUR", PlanPolicyOptions? policy = null, IndicativeRates? rates = null)
    {
        var first = Today.AddDays(daysToFirst);
        var schedule = ScheduleBuilder.Build(total, count, Frequencies.Monthly, first, down);
        return PlanPolicy.Check(policy ?? Policy(), rates ?? IndicativeRates.None, new PolicyInput(total, currency, schedule, down, first, Today, defaulted, role)).Select(r => r.Code).ToList();
    }

    [Test]
    public void Check_WhenEverythingFits_NoReasons() => Assert.That(Codes(), Is.Empty);

    [Test]
    public void Check_WhenOneInstallmentTooMany_RefusesMaxInstallments()
    {
        Assert.That(Codes(count: 6), Is.Empty);
        Assert.That(Codes(count: 7), Is.EqualTo(new[] { "max_installments" }));
    }

    [Test]
    public void Check_WhenFirstPaymentOneDayTooLate_RefusesDaysToFirstPayment()
    {
        Assert.That(Codes(daysToFirst: 30), Is.Empty);
        Assert.That(Codes(daysToFirst: 31), Is.EqualTo(new[] { "max_days_to_first_payment" }));
    }

    [Test]
    public void Check_WhenDownPaymentOneCentShort_RefusesMinDownPayment()
    {
        Assert.That(Codes(down: 300_00), Is.Empty);
        Assert.That(Codes(down: 299_99), Is.EqualTo(new[] { "min_down_payment" }));
    }

    [Test]
    public void MinDownPayment_RoundsUpToTheMinorUnit()
    {
        Assert.That(PlanPolicy.MinDownPaymentMinor(5, 10), Is.EqualTo(1));
        Assert.That(PlanPolicy.MinDownPaymentMinor(1000, 10), Is.EqualTo(100));
        Assert.That(PlanPolicy.MinDownPaymentMinor(1001, 10), Is.EqualTo(101));
        Assert.That(PlanPolicy.MinDownPaymentMinor(1000, 0), Is.Zero);
    }

    [Test]
    public void Check_WhenTotalOneCentAboveAutoApproveMax_RefusesAmount()
    {
        Assert.That(Codes(total: 5000_00, down: 500_00), Is.Empty);
        Assert.That(Codes(total: 5000_01, down: 500_01), Is.EqualTo(new[] { "auto_approve_max_amount" }));
    }

    /// <summary>1 JPY = 0.0062 EUR: the 5,000 EUR ceiling is 806,451 JPY (rounded down), the 50 EUR minimum 8,065 JPY (rounded up).</summary>
    private static readonly IndicativeRates Yen = new("EUR", new Dictionary<string, decimal> { ["JPY"] = 0.0062m });

    [Test]
    public void Check_AutoApproveMax_IsTheReportingCurrencysFigure_AtTheIndicativeRate_NotTheSameNumberOfAnotherCurrency()
    {
        Assert.That(Codes(total: 806_451, count: 4, down: 80_646, currency: "JPY", rates: Yen), Is.Empty);
        Assert.That(Codes(total: 806_452, count: 4, down: 80_646, currency: "JPY", rates: Yen), Is.EqualTo(new[] { "auto_approve_max_amount" }));
        Assert.That(Codes(total: 8_065 * 3 + 4_000, count: 4, down: 4_000, currency: "JPY", rates: Yen), Is.Empty);
        Assert.That(Codes(total: 8_064 * 3 + 4_000, count: 4, down: 4_000, currency: "JPY", rates: Yen), Is.EqualTo(new[] { "min_installment" }));
    }

    [Test]
    public void Check_InACurrencyWithoutRateOrOwnFigure_NothingIsApprovedOnTheSpot()
    {
        var codes = Codes(total: 100_000, count: 4, down: 10_000, currency: "KWD");
        Assert.That(codes, Is.EqualTo(new[] { "auto_approve_max_amount" }), "10,000 KWD is not 10,000 EUR");
    }

    [Test]
    public void Check_ACurrencysOwnFigure_WinsOverTheRate()
    {
        var policy = Policy();
        policy.AutoApproveMaxAmountByCurrency["KWD"] = 1_500m;
        policy.MinInstallmentAmountByCurrency["KWD"] = 15m;
        Assert.That(Codes(total: 1_500_000, count: 4, down: 150_000, currency: "KWD", policy: policy), Is.Empty);
        Assert.That(Codes(total: 1_500_001, count: 4, down: 150_001, currency: "KWD", policy: policy), Is.EqualTo(new[] { "auto_approve_max_amount" }));
        Assert.That(Codes(total: 14_999 * 3 + 7_000, count: 4, down: 7_000, currency: "KWD", policy: policy), Is.EqualTo(new[] { "min_installment" }));
    }

    [Test]
    public void Check_WhenAnInstallmentBelowMinimum_RefusesMinInstallment()
    {
        Assert.That(Codes(total: 250_00, count: 5, down: 50_00), Is.Empty);
        Assert.That(Codes(total: 249_99, count: 5, down: 50_00), Is.EqualTo(new[] { "min_installment" }));
    }

    [Test]
    public void Check_DownPaymentItself_IsNotHeldToTheInstallmentMinimum()
    {
        var policy = Policy();
        policy.MinDownPaymentPercent = 0;
        Assert.That(Codes(total: 200_00, count: 3, down: 10_00, policy: policy), Is.Empty);
    }

    [Test]
    public void Check_WhenDefaultedRecently_RefusesRecentDefault() =>
        Assert.That(Codes(defaulted: true), Is.EqualTo(new[] { "recent_default" }));

    [Test]
    public void Check_WhenRoleMayNotSelfApprove_NeedsApproval()
    {
        Assert.That(Codes(role: Roles.Staff), Is.Empty);
        Assert.That(Codes(role: Roles.Admin), Is.EqualTo(new[] { "approval_required" }));
    }

    [Test]
    public void Check_WhenSeveralRulesBroken_ListsEach() =>
        Assert.That(Codes(count: 7, down: 0, daysToFirst: 45, defaulted: true), Is.EquivalentTo(new[] { "max_installments", "max_days_to_first_payment", "min_down_payment", "recent_default" }));
}
