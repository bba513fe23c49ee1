using Collections.PaymentPlans.Domain;

namespace Collections.PaymentPlans.Tests.Unit;

public sealed class InstallmentProgressTests
{
    private static IReadOnlyList<InstallmentState> Plan(params string[] statuses) =>
    [
        new(1, new DateOnly(2026, 3, 1), 100, 0, statuses.ElementAtOrDefault(0) ?? InstallmentStatuses.Due),
        new(2, new DateOnly(2026, 4, 1), 100, 0, statuses.ElementAtOrDefault(1) ?? InstallmentStatuses.Due),
        new(3, new DateOnly(2026, 5, 1), 101, 0, statuses.ElementAtOrDefault(2) ?? InstallmentStatuses.Due),
    ];

    [Test]
    public void ApplyPaid_WhenPartial_FillsFirstInstallmentOnly()
    {
        var result = InstallmentProgress.ApplyPaid(Plan(), 60);

        Assert.That(result.Select(i => i.PaidMinor), Is.EqualTo(new long[] { 60, 0, 0 }));
        Assert.That(result.Select(i => i.Status), Is.All.EqualTo(InstallmentStatuses.Due));
    }

    [Test]
    public void ApplyPaid_WhenOverpayingOne_PaysAhead()
    {
        var result = InstallmentProgress.ApplyPaid(Plan(), 150);

        Assert.That(result.Select(i => i.PaidMinor), Is.EqualTo(new long[] { 100, 50, 0 }));
        Assert.That(result.Select(i => i.Status), Is.EqualTo(new[] { "paid", "due", "due" }));
    }

    [Test]
    public void ApplyPaid_WhenLateInstallmentPaid_BecomesPaid()
    {
        var result = InstallmentProgress.ApplyPaid(Plan(InstallmentStatuses.Late), 100);

        Assert.That(result[0].Status, Is.EqualTo(InstallmentStatuses.Paid));
    }

    [Test]
    public void ApplyPaid_WhenPaymentReversed_PaidInstallmentIsDueAgain()
    {
        var paid = InstallmentProgress.ApplyPaid(Plan(), 200);
        var reversed = InstallmentProgress.ApplyPaid(paid, 120);

        Assert.That(reversed.Select(i => i.PaidMinor), Is.EqualTo(new long[] { 100, 20, 0 }));
        Assert.That(reversed.Select(i => i.Status), Is.EqualTo(new[] { "paid", "due", "due" }));
    }

    [Test]
    public void ApplyPaid_WhenMoreThanTotal_CapsEachInstallmentAtItsAmount()
    {
        var result = InstallmentProgress.ApplyPaid(Plan(), 10_000);

        Assert.That(result.Select(i => i.PaidMinor), Is.EqualTo(new long[] { 100, 100, 101 }));
    }

    [TestCase("2026-03-01", "due")]
    [TestCase("2026-03-06", "due")]
    [TestCase("2026-03-07", "late")]
    [TestCase("2026-03-31", "late")]
    [TestCase("2026-04-01", "missed")]
    public void Assess_UnpaidFirstInstallment_FollowsGraceAndDefaultDays(string asOf, string expected)
    {
        var result = InstallmentProgress.Assess(Plan(), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), graceDays: 5, defaultDays: 30);

        Assert.That(result.Installments[0].Status, Is.EqualTo(expected));
        Assert.That(result.Defaulted, Is.EqualTo(expected == "missed"));
    }

    [Test]
    public void Assess_WhenAlreadyLate_IsNotNewlyLateAgain()
    {
        var asOf = new DateOnly(2026, 3, 10);
        var first = InstallmentProgress.Assess(Plan(), asOf, 5, 30);
        var second = InstallmentProgress.Assess(first.Installments, asOf.AddDays(1), 5, 30);

        Assert.That(first.NewlyLate.Select(i => i.Number), Is.EqualTo(new[] { 1 }));
        Assert.That(second.NewlyLate, Is.Empty);
    }

    [Test]
    public void Assess_WhenAllPaid_Completed()
    {
        var paid = InstallmentProgress.ApplyPaid(Plan(), 301);
        var result = InstallmentProgress.Assess(paid, new DateOnly(2027, 1, 1), 5, 30);

        Assert.That(result.Completed, Is.True);
        Assert.That(result.Defaulted, Is.False);
        Assert.That(result.NewlyLate, Is.Empty);
    }

    [Test]
    public void Assess_WhenPartlyPaidPastGrace_IsLate()
    {
        var partly = InstallmentProgress.ApplyPaid(Plan(), 99);
        var result = InstallmentProgress.Assess(partly, new DateOnly(2026, 3, 7), 5, 30);

        Assert.That(result.Installments[0].Status, Is.EqualTo(InstallmentStatuses.Late));
        Assert.That(result.NewlyLate.Single().OutstandingMinor, Is.EqualTo(1));
    }

    [Test]
    public void Shrink_ReducesFromTheLastInstallmentBackwards()
    {
        var result = InstallmentProgress.Shrink(Plan(), 150);

        Assert.That(result.Select(i => (i.Number, i.AmountMinor)), Is.EqualTo(new[] { (1, 100L), (2, 51L) }));
    }

    [Test]
    public void Shrink_NeverBelowWhatIsPaid()
    {
        var paid = InstallmentProgress.ApplyPaid(Plan(), 150);
        var result = InstallmentProgress.Shrink(paid, 1_000);

        Assert.That(result.Select(i => (i.AmountMinor, i.PaidMinor, i.Status)), Is.EqualTo(new[] { (100L, 100L, "paid"), (50L, 50L, "paid") }));
    }

    [Test]
    public void Shrink_ByZero_ChangesNothing()
    {
        Assert.That(InstallmentProgress.Shrink(Plan(), 0), Is.EqualTo(Plan()));
    }
}
