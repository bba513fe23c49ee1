using Collections.SharedKernel;

namespace Collections.Insights.Domain;

internal sealed record PaidInvoice(DateOnly DueDate, DateOnly PaidOn)
{
    public int DaysLate => Math.Max(0, PaidOn.DayNumber - DueDate.DayNumber);
}

/// <summary>What the score is computed from, for one debtor as of one date (money in the debtor's currency).</summary>
internal sealed record RiskInputs(
    string DebtorId,
    string Currency,
    DateOnly AsOf,
    IReadOnlyList<PaidInvoice> PaidLast12Months,
    long BalanceMinor,
    long OverdueMinor,
    long CreditLimitMinor,
    int BrokenPromises,
    int DefaultedPlans,
    int DisputesOpened,
    int InvoicesIssued,
    int Chargebacks);

public sealed record RiskFactor(string Name, decimal? Value, decimal Contribution, string Explanation);

internal sealed record RiskScore(decimal Score, string Band, IReadOnlyList<RiskFactor> Factors);

/// <summary>
/// Each factor maps its value to a fraction 0–1 of its weight; contribution = weight × fraction rounded to one
/// decimal, and the score is the sum of the contributions, so they add up to it exactly.
/// </summary>
internal static class RiskModel
{
    public const int RecentDays = 90;
    public const decimal DaysLateCeiling = 60m;
    public const decimal TrendCeiling = 30m;
    public const decimal DisputeRateCeiling = 25m;
    public const int CommitmentsCeiling = 3;
    public const int ChargebacksCeiling = 2;

    public static RiskScore Score(RiskInputs input, InsightsOptions options)
    {
        var w = options.Weights;
        var factors = new List<RiskFactor>
        {
            AverageDaysLate(input, w.AverageDaysLate),
            DaysLateTrend(input, w.DaysLateTrend),
            OverdueShare(input, w.OverdueShare),
            CreditLimitUse(input, w.CreditLimitUse),
            Counted("broken_commitments", input.BrokenPromises + input.DefaultedPlans, CommitmentsCeiling, w.BrokenCommitments,
                FormattableString.Invariant($"{input.BrokenPromises} broken promise(s) to pay and {input.DefaultedPlans} defaulted payment plan(s) in the last 12 months.")),
            DisputeRate(input, w.DisputeRate),
            Counted("chargebacks", input.Chargebacks, ChargebacksCeiling, w.Chargebacks,
                FormattableString.Invariant($"{input.Chargebacks} card or debit payment(s) charged back in the last 12 months.")),
        };
        var score = factors.Sum(f => f.Contribution);
        return new RiskScore(score, BandOf(score, options), factors);
    }

    public static string BandOf(decimal score, InsightsOptions options) =>
        score >= options.HighBandFrom ? "high" : score >= options.MediumBandFrom ? "medium" : "low";

    /// <summary>Invoices paid in the last 90 days weigh twice as much as older ones.</summary>
    public static decimal? WeightedDaysLate(IReadOnlyList<PaidInvoice> paid, DateOnly asOf)
    {
        if (paid.Count == 0)
        {
            return null;
        }

        var weights = paid.Select(p => asOf.DayNumber - p.PaidOn.DayNumber <= RecentDays ? 2 : 1).ToArray();
        var weighted = paid.Select((p, i) => (long)p.DaysLate * weights[i]).Sum();
        return CollectionFormulas.Round1((decimal)weighted / weights.Sum());
    }

    /// <summary>Average days late of the last 3 paid minus that of the 6 paid before them; null without both.</summary>
    public static decimal? Trend(IReadOnlyList<PaidInvoice> paid)
    {
        var newestFirst = paid.OrderByDescending(p => p.PaidOn).ToList();
        if (newestFirst.Count < 4)
        {
            return null;
        }

        var last = newestFirst.Take(3).Average(p => (decimal)p.DaysLate);
        var before = newestFirst.Skip(3).Take(6).Average(p => (decimal)p.DaysLate);
        return CollectionFormulas.Round1(last - before);
    }

    private static RiskFactor AverageDaysLate(RiskInputs input, decimal weight)
    {
        var value = WeightedDaysLate(input.PaidLast12Months, input.AsOf);
        return value is null
            ? new RiskFactor("average_days_late", null, 0m, "No invoice was paid in the last 12 months, so there is no payment history to judge.")
            : new RiskFactor("average_days_late", value, Contribution(weight, Math.Min(value.Value, DaysLateCeiling) / DaysLateCeiling),
                FormattableString.Invariant($"Paid its {input.PaidLast12Months.Count} invoice(s) of the last 12 months on average {value} days after the due date (the last 90 days count double)."));
    }

    private static RiskFactor DaysLateTrend(RiskInputs input, decimal weight)
    {
        var value = Trend(input.PaidLast12Months);
        if (value is null)
        {
            return new RiskFactor("days_late_trend", null, 0m, "Fewer than 4 paid invoices in the last 12 months: no trend yet.");
        }

        var direction = value > 0 ? FormattableString.Invariant($"{value} days later") : value < 0 ? FormattableString.Invariant($"{-value} days earlier") : "as promptly";
        return new RiskFactor("days_late_trend", value, Contribution(weight, Math.Clamp(value.Value, 0m, TrendCeiling) / TrendCeiling),
            FormattableString.Invariant($"Its last 3 payments came {direction} than the 6 before them."));
    }

    private static RiskFactor OverdueShare(RiskInputs input, decimal weight)
    {
        var value = CollectionFormulas.Percent(input.OverdueMinor, input.BalanceMinor);
        var currency = SharedKernel.Currency.Of(input.Currency);
        return value is null
            ? new RiskFactor("overdue_share", null, 0m, "Nothing is owed at the moment.")
            : new RiskFactor("overdue_share", value, Contribution(weight, (decimal)input.OverdueMinor / input.BalanceMinor),
                FormattableString.Invariant($"{new Money(input.OverdueMinor, currency)} of the open {new Money(input.BalanceMinor, currency)} ({value}%) is past its due date."));
    }

    private static RiskFactor CreditLimitUse(RiskInputs input, decimal weight)
    {
        if (input.CreditLimitMinor <= 0)
        {
            return new RiskFactor("credit_limit_use", null, 0m, "No credit limit is set for this debtor.");
        }

        var value = CollectionFormulas.Round1((decimal)input.BalanceMinor / input.CreditLimitMinor * 100m);
        var limit = new Money(input.CreditLimitMinor, SharedKernel.Currency.Of(input.Currency));
        return new RiskFactor("credit_limit_use", value, Contribution(weight, Math.Min(1m, (decimal)input.BalanceMinor / input.CreditLimitMinor)),
            FormattableString.Invariant($"Uses {value}% of its credit limit of {limit}."));
    }

    private static RiskFactor DisputeRate(RiskInputs input, decimal weight)
    {
        if (input.InvoicesIssued == 0)
        {
            return new RiskFactor("dispute_rate", null, 0m, "No invoices issued in the last 12 months.");
        }

        var value = CollectionFormulas.Round1((decimal)input.DisputesOpened / input.InvoicesIssued * 100m);
        return new RiskFactor("dispute_rate", value, Contribution(weight, Math.Min(1m, (decimal)input.DisputesOpened / input.InvoicesIssued * 100m / DisputeRateCeiling)),
            FormattableString.Invariant($"Disputed {input.DisputesOpened} of its {input.InvoicesIssued} invoice(s) of the last 12 months ({value}%)."));
    }

    private static RiskFactor Counted(string name, int count, int ceiling, decimal weight, string explanation) =>
        new(name, count, Contribution(weight, (decimal)Math.Min(count, ceiling) / ceiling), explanation);

    private static decimal Contribution(decimal weight, decimal fraction) => CollectionFormulas.Round1(weight * Math.Clamp(fraction, 0m, 1m));
}
