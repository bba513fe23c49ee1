using Collections.SharedKernel;

namespace Collections.Invoicing.Domain.LateFees;

/// <summary>One period's decision: a fee (possibly zero when nothing may be charged) and why.</summary>
internal sealed record LateFeeDecision(string PeriodKey, DateOnly AssessedFor, long AmountMinor, string Description);

/// <summary>What is known about one invoice when its fees are assessed.</summary>
internal sealed record LateFeeSubject(
    Currency Currency,
    DateOnly DueDate,
    BalanceHistory Balance,
    long DisputedMinor,
    bool InPaymentPlan,
    long AlreadyChargedMinor,
    IReadOnlySet<string> AssessedPeriods);

/// <summary>
/// Pure late-fee rules. Every decision depends only on the ledger's history and the policy, so running it
/// hourly, daily or after days of downtime yields the same periods and amounts; a period decided once is never
/// decided again. Disputed amounts never carry fees, planned invoices carry none at all, and the cap bounds
/// the sum of all fees of an invoice. Interest uses actual/365 and rounds once per period, half away from zero.
/// </summary>
internal static class LateFeeCalculator
{
    public const int DaysPerYear = 365;

    public static IReadOnlyList<LateFeeDecision> Assess(LateFeePolicyRequest policy, LateFeeSubject invoice, DateOnly asOf)
    {
        var decisions = new List<LateFeeDecision>();
        var graceEnds = invoice.DueDate.AddDays(policy.GraceDays);
        if (policy.Kind == LateFeeKind.None || asOf <= graceEnds || invoice.Balance.At(graceEnds) <= 0)
        {
            return decisions;
        }

        var lastOwing = invoice.Balance.SettledAfter ?? asOf;
        var charged = invoice.AlreadyChargedMinor;
        var cap = policy.Cap is null ? long.MaxValue : LateFeePolicyRequest.ToMinor(policy.Cap, invoice.Currency);

        void Decide(string key, DateOnly assessedFor, long grossBalance, long computed, string description)
        {
            if (invoice.AssessedPeriods.Contains(key) || grossBalance <= 0)
            {
                return;
            }

            var (amount, why) = invoice.InPaymentPlan ? (0L, "not charged: the invoice is in a payment plan")
                : computed <= 0 ? (0L, invoice.DisputedMinor > 0 ? "not charged: the overdue amount is disputed" : "not charged: rounds to zero")
                : charged >= cap ? (0L, "not charged: the fee cap is reached")
                : (Math.Min(computed, cap - charged), description);
            charged += amount;
            decisions.Add(new LateFeeDecision(key, assessedFor, amount, why));
        }

        if (policy.Kind == LateFeeKind.Statutory && policy.Compensation is > 0)
        {
            var gross = invoice.Balance.At(graceEnds);
            Decide("compensation", graceEnds.AddDays(1), gross, Undisputed(gross, invoice) > 0 ? LateFeePolicyRequest.ToMinor(policy.Compensation, invoice.Currency) : 0,
                "fixed compensation for recovery costs");
        }

        if (policy.Kind is LateFeeKind.Flat or LateFeeKind.Percent)
        {
            for (var period = 1; ; period++)
            {
                var starts = graceEnds.AddDays(1 + ((period - 1) * policy.PeriodDays));
                if (starts > asOf || starts.AddDays(-1) > lastOwing)
                {
                    break;
                }

                var gross = invoice.Balance.At(starts.AddDays(-1));
                var basis = Undisputed(gross, invoice);
                var amount = policy.Kind == LateFeeKind.Flat
                    ? (basis > 0 ? LateFeePolicyRequest.ToMinor(policy.Amount, invoice.Currency) : 0)
                    : RoundHalfAway(basis * policy.Percent!.Value / 100m);
                Decide($"period-{period}", starts, gross, amount, policy.Kind == LateFeeKind.Flat
                    ? $"late fee for period {period}"
                    : $"{policy.Percent:0.####}% of {new Money(basis, invoice.Currency)} overdue, period {period}");
            }
        }
        else if (policy.Kind is LateFeeKind.AnnualInterest or LateFeeKind.Statutory)
        {
            var rate = policy.AnnualRatePercent;
            for (var period = 1; ; period++)
            {
                var starts = invoice.DueDate.AddDays(1 + ((period - 1) * policy.PeriodDays));
                var ends = starts.AddDays(policy.PeriodDays - 1);
                if (ends > asOf || starts > lastOwing)
                {
                    break;
                }

                decimal dayBalances = 0;
                long maxGross = 0;
                for (var day = starts; day <= ends; day = day.AddDays(1))
                {
                    var gross = invoice.Balance.At(day);
                    maxGross = Math.Max(maxGross, gross);
                    dayBalances += Undisputed(gross, invoice);
                }

                Decide($"interest-{period}", ends, maxGross, RoundHalfAway(dayBalances * rate / 100m / DaysPerYear),
                    $"interest at {rate:0.####}% a year from {starts:yyyy-MM-dd} to {ends:yyyy-MM-dd}");
            }
        }

        return decisions;
    }

    private static long Undisputed(long gross, LateFeeSubject invoice) => Math.Max(0, gross - invoice.DisputedMinor);

    private static long RoundHalfAway(decimal minor) => decimal.ToInt64(decimal.Round(minor, 0, MidpointRounding.AwayFromZero));
}
