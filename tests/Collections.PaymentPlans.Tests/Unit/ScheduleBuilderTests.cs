using Collections.PaymentPlans.Features.Plans;

namespace Collections.PaymentPlans.Tests.Unit;

public sealed class ScheduleBuilderTests
{
    private static readonly DateOnly March2 = new(2026, 3, 2);

    [Test]
    public void Build_WhenTotalDividesEvenly_AllInstallmentsEqual()
    {
        var schedule = ScheduleBuilder.Build(120_000, 4, Frequencies.Monthly, March2);

        Assert.That(schedule.Select(i => i.AmountMinor), Is.EqualTo(new long[] { 30_000, 30_000, 30_000, 30_000 }));
        Assert.That(schedule.Select(i => i.Number), Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Build_WhenRemainderExists_LastInstallmentCarriesIt()
    {
        var schedule = ScheduleBuilder.Build(100_00, 3, Frequencies.Monthly, March2);

        Assert.That(schedule.Select(i => i.AmountMinor), Is.EqualTo(new long[] { 33_33, 33_33, 33_34 }));
    }

    [Test]
    public void Build_WhenTotalIsOneMinorUnitPerInstallment_EveryInstallmentIsOne()
    {
        var schedule = ScheduleBuilder.Build(3, 3, Frequencies.Weekly, March2);

        Assert.That(schedule.Select(i => i.AmountMinor), Is.EqualTo(new long[] { 1, 1, 1 }));
    }

    [Test]
    public void Build_WhenFewerMinorUnitsThanInstallments_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScheduleBuilder.Build(2, 3, Frequencies.Weekly, March2));
    }

    [TestCase(1L, 1)]
    [TestCase(99L, 7)]
    [TestCase(100_000_01L, 12)]
    [TestCase(999_999_999_999L, 60)]
    [TestCase(7L, 7)]
    [TestCase(1_000_003L, 120)]
    public void Build_ForAnyTotalAndCount_SumsExactlyAndDiffersByLessThanCount(long total, int count)
    {
        var schedule = ScheduleBuilder.Build(total, count, Frequencies.Biweekly, March2);

        Assert.That(schedule.Sum(i => i.AmountMinor), Is.EqualTo(total));
        Assert.That(schedule, Has.Count.EqualTo(count));
        Assert.That(schedule.Max(i => i.AmountMinor) - schedule.Min(i => i.AmountMinor), Is.LessThan(count));
        Assert.That(schedule.Take(count - 1).Select(i => i.AmountMinor).Distinct().Count(), Is.LessThanOrEqualTo(1), "only the last differs");
    }

    [Test]
    public void Build_WithDownPayment_DownPaymentFirstThenRestSplit()
    {
        var schedule = ScheduleBuilder.Build(1000_00, 4, Frequencies.Monthly, March2, downPaymentMinor: 250_01);

        Assert.Multiple(() =>
        {
            Assert.That(schedule[0], Is.EqualTo(new ScheduledInstallment(1, March2, 250_01, true)));
            Assert.That(schedule.Skip(1).Select(i => i.AmountMinor), Is.EqualTo(new long[] { 249_99, 249_99, 250_01 }));
            Assert.That(schedule.Select(i => i.DueDate), Is.EqualTo(new[] { March2, new DateOnly(2026, 4, 2), new DateOnly(2026, 5, 2), new DateOnly(2026, 6, 2) }));
            Assert.That(schedule.Sum(i => i.AmountMinor), Is.EqualTo(1000_00));
            Assert.That(schedule.Skip(1).All(i => !i.IsDownPayment), Is.True);
        });
    }

    [Test]
    public void Build_WithDownPaymentNotBelowTotal_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScheduleBuilder.Build(100, 2, Frequencies.Monthly, March2, downPaymentMinor: 100));
        Assert.Throws<ArgumentException>(() => ScheduleBuilder.Build(100, 1, Frequencies.Monthly, March2, downPaymentMinor: 10));
    }

    [Test]
    public void Build_MonthlyFrom31January_ClampsToMonthEndAndKeepsAnchorDay()
    {
        var schedule = ScheduleBuilder.Build(400, 4, Frequencies.Monthly, new DateOnly(2026, 1, 31));

        Assert.That(schedule.Select(i => i.DueDate), Is.EqualTo(new[]
        {
            new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30),
        }));
    }

    [Test]
    public void Build_MonthlyFrom31JanuaryInLeapYear_FallsOn29February()
    {
        var schedule = ScheduleBuilder.Build(300, 3, Frequencies.Monthly, new DateOnly(2028, 1, 31));

        Assert.That(schedule.Select(i => i.DueDate), Is.EqualTo(new[] { new DateOnly(2028, 1, 31), new DateOnly(2028, 2, 29), new DateOnly(2028, 3, 31) }));
    }

    [Test]
    public void Build_MonthlyFrom29February_KeepsDay29WhereItExists()
    {
        var schedule = ScheduleBuilder.Build(1300, 13, Frequencies.Monthly, new DateOnly(2028, 2, 29));

        Assert.That(schedule[1].DueDate, Is.EqualTo(new DateOnly(2028, 3, 29)));
        Assert.That(schedule[12].DueDate, Is.EqualTo(new DateOnly(2029, 2, 28)));
    }

    [Test]
    public void Build_MonthlyAcrossYearEnd_RollsIntoNextYear()
    {
        var schedule = ScheduleBuilder.Build(300, 3, Frequencies.Monthly, new DateOnly(2026, 11, 30));

        Assert.That(schedule.Select(i => i.DueDate), Is.EqualTo(new[] { new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 30), new DateOnly(2027, 1, 30) }));
    }

    [Test]
    public void Build_Weekly_SevenDaysApart()
    {
        var schedule = ScheduleBuilder.Build(300, 3, Frequencies.Weekly, new DateOnly(2026, 2, 26));

        Assert.That(schedule.Select(i => i.DueDate), Is.EqualTo(new[] { new DateOnly(2026, 2, 26), new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 12) }));
    }

    [Test]
    public void Build_Biweekly_FourteenDaysApartAcrossLeapDay()
    {
        var schedule = ScheduleBuilder.Build(300, 3, Frequencies.Biweekly, new DateOnly(2028, 2, 20));

        Assert.That(schedule.Select(i => i.DueDate), Is.EqualTo(new[] { new DateOnly(2028, 2, 20), new DateOnly(2028, 3, 5), new DateOnly(2028, 3, 19) }));
    }

    [Test]
    public void Build_WhenCalledTwice_IsDeterministic()
    {
        var first = ScheduleBuilder.Build(987_654_32, 11, Frequencies.Monthly, March2, 123_45);
        var second = ScheduleBuilder.Build(987_654_32, 11, Frequencies.Monthly, March2, 123_45);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void DueDate_WhenFrequencyUnknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScheduleBuilder.DueDate(March2, "daily", 1));
    }
}
