namespace Collections.PaymentPlans.Features.Plans;

internal static class Frequencies
{
    public const string Weekly = "weekly";
    public const string Biweekly = "biweekly";
    public const string Monthly = "monthly";

    public static readonly IReadOnlyList<string> All = [Weekly, Biweekly, Monthly];
}

internal sealed record ScheduledInstallment(int Number, DateOnly DueDate, long AmountMinor, bool IsDownPayment);

/// <summary>
/// Splits a planned amount into installments. Integer minor units only: every regular installment gets the
/// floor share and the last one carries the remainder, so the schedule always sums to the planned amount.
/// </summary>
internal static class ScheduleBuilder
{
    public static IReadOnlyList<ScheduledInstallment> Build(long totalMinor, int installmentCount, string frequency, DateOnly firstPaymentDate, long downPaymentMinor = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalMinor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(installmentCount);
        ArgumentOutOfRangeException.ThrowIfNegative(downPaymentMinor);
        if (downPaymentMinor > 0 && (installmentCount < 2 || downPaymentMinor >= totalMinor))
        {
            throw new ArgumentException("A down payment needs at least one further installment and must be less than the total.", nameof(downPaymentMinor));
        }

        var schedule = new List<ScheduledInstallment>(installmentCount);
        var regularCount = downPaymentMinor > 0 ? installmentCount - 1 : installmentCount;
        var rest = totalMinor - downPaymentMinor;
        if (rest < regularCount)
        {
            throw new ArgumentException("The amount is too small for that many installments.", nameof(installmentCount));
        }

        if (downPaymentMinor > 0)
        {
            schedule.Add(new ScheduledInstallment(1, firstPaymentDate, downPaymentMinor, true));
        }

        var share = rest / regularCount;
        for (var i = 0; i < regularCount; i++)
        {
            var number = schedule.Count + 1;
            var amount = i == regularCount - 1 ? rest - (share * (regularCount - 1)) : share;
            schedule.Add(new ScheduledInstallment(number, DueDate(firstPaymentDate, frequency, number - 1), amount, false));
        }

        return schedule;
    }

    /// <summary>Offsets are taken from the first date, never chained, so 31 Jan → 28/29 Feb → 31 Mar keeps the anchor day.</summary>
    public static DateOnly DueDate(DateOnly first, string frequency, int offset) => frequency switch
    {
        Frequencies.Weekly => first.AddDays(7 * offset),
        Frequencies.Biweekly => first.AddDays(14 * offset),
        Frequencies.Monthly => first.AddMonths(offset),
        _ => throw new ArgumentException($"Unknown frequency '{frequency}'.", nameof(frequency)),
    };
}
