using Collections.SharedKernel;

namespace Collections.Insights.Domain;

internal sealed record PaidInvoice(DateOnly DueDate, DateOnly PaidOn)
{
    public int DaysLate => Math.Max(0, PaidOn.DayNumber - DueDate.DayNumber);
}

/// <summary>What the debtor owes in one currency, and how much of it is past its due date.</summary>
internal sealed record OpenBalance(Money Balance, Money Overdue)
{
    public static OpenBalance Of(string currency, long balanceMinor, long overdueMinor) =>
        new(new Money(balanceMinor, Currency.Of(currency)), new Money(overdueMinor, Currency.Of(currency)));
}

/// <summary>
/// What the score is computed from, for one debtor as of one date: invoices paid in any currency, what is open in
/// each currency, and the credit limit (in the debtor's currency; none when zero).
/// </summary>
internal sealed record RiskInputs(
    string DebtorId,
    DateOnly AsOf,
    IReadOnlyList<PaidInvoice> PaidLast12Months,
    IReadOnlyList<OpenBalance> Open,
    Money CreditLimit,
    int BrokenPromises,
    int DefaultedPlans,
    int DisputesOpened,
    int InvoicesIssued,
    int Chargebacks);

public sealed record RiskFactor(string Name, decimal? Value, decimal Contribution, string Explanation);

internal sealed record RiskScore(decimal Score, string Band, IReadOnlyList<RiskFactor> Factors);

/// <summary>
/// Each factor maps its value to a fraction 0–1 of its weight; contribution = weight × fraction rounded to one
/// decimal, and the score is the sum of the contributions, so they add up to it exactly. Days late and counts are
/// currency-free and take every currency; the overdue share and the credit-limit use compare amounts of several
/// currencies at the indicative rates (see Exposure), and name per currency what they compared and what they could not.
/// </summary>
internal static class RiskModel
{
    public const int RecentDays = 90;
    public const decimal DaysLateCeiling = 60m;
    public const decimal TrendCeiling = 30m;
    public const decimal DisputeRateCeiling = 25m;
    public const int CommitmentsCeiling = 3;
    public const int ChargebacksCeiling = 2;

    public static RiskScore Score(RiskInputs input, InsightsOptions options, IndicativeRates rates)
    {
        var w = options.Weights;
        var factors = new List<RiskFactor>
        {
            AverageDaysLate(input, w.AverageDaysLate),
            DaysLateTrend(input, w.DaysLateTrend),
            OverdueShare(input, w.OverdueShare, rates),
            CreditLimitUse(input, w.CreditLimitUse, rates),
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

    /// <summary>
    /// A debtor with one open currency is judged in it; one with several in the reporting currency, each converted
    /// at its indicative rate. A currency without a rate is left out of the share and named.
    /// </summary>
    private static RiskFactor OverdueShare(RiskInputs input, decimal weight, IndicativeRates rates)
    {
        var open = input.Open.Where(o => o.Balance.IsPositive).ToList();
        if (open.Count == 0)
        {
            return new RiskFactor("overdue_share", null, 0m, "Nothing is owed at the moment.");
        }

        var currencies = open.Select(o => o.Balance.Currency).Distinct().ToList();
        var target = currencies.Count == 1 ? currencies[0] : Currency.Of(rates.ReportingCurrency);
        var balance = Exposure.Of(open.Select(o => o.Balance), target, rates);
        var overdue = Exposure.Of(open.Select(o => o.Overdue), target, rates);
        var notConverted = NotConvertedText(balance, open);
        if (balance.ConvertedMinor == 0)
        {
            // Nothing converted (or too little to show at the reporting currency's minor unit): no share to state.
            return new RiskFactor("overdue_share", null, 0m,
                FormattableString.Invariant($"What it owes in {Exposure.Codes(balance.NotConverted.Concat(balance.Converted))} cannot be weighed in {target.Code} ({IndicativeRates.RatesSection}).{notConverted}"));
        }

        var value = CollectionFormulas.Percent(overdue.ConvertedMinor, balance.ConvertedMinor);
        var fraction = (decimal)overdue.ConvertedMinor / balance.ConvertedMinor;
        if (!balance.IsIndicative)
        {
            return new RiskFactor("overdue_share", value, Contribution(weight, fraction),
                FormattableString.Invariant($"{overdue.Total} of the open {balance.Total} ({value}%) is past its due date.{notConverted}"));
        }

        var pastDue = overdue.Converted.Count == 0 ? "Nothing" : Exposure.Named(overdue.Converted);
        return new RiskFactor("overdue_share", value, Contribution(weight, fraction),
            FormattableString.Invariant($"{pastDue} of the open {Exposure.Named(balance.Converted)} ({value}% in {target.Code} at indicative rates) is past due.{notConverted}"));
    }

    /// <summary>The whole exposure, every open currency converted into the limit's currency (as the credit-limit alert does).</summary>
    private static RiskFactor CreditLimitUse(RiskInputs input, decimal weight, IndicativeRates rates)
    {
        if (input.CreditLimit.Minor <= 0)
        {
            return new RiskFactor("credit_limit_use", null, 0m, "No credit limit is set for this debtor.");
        }

        var limit = input.CreditLimit;
        var open = input.Open.Where(o => o.Balance.IsPositive).ToList();
        var exposure = Exposure.Of(open.Select(o => o.Balance), limit.Currency, rates);
        var notConverted = NotConvertedText(exposure, open);
        if (exposure.Converted.Count == 0 && exposure.NotConverted.Count > 0)
        {
            return new RiskFactor("credit_limit_use", null, 0m,
                FormattableString.Invariant($"Its credit limit of {limit} cannot be compared with what it owes in {Exposure.Codes(exposure.NotConverted)} ({IndicativeRates.RatesSection}).{notConverted}"));
        }

        var fraction = (decimal)exposure.ConvertedMinor / limit.Minor;
        var value = CollectionFormulas.Round1(fraction * 100m);
        var compared = exposure.IsIndicative ? FormattableString.Invariant($" ({Exposure.Named(exposure.Converted)} at indicative rates)") : "";
        return new RiskFactor("credit_limit_use", value, Contribution(weight, Math.Min(1m, fraction)),
            FormattableString.Invariant($"Uses {value}% of its credit limit of {limit}{compared}.{notConverted}"));
    }

    private static string NotConvertedText(Exposure exposure, IReadOnlyList<OpenBalance> open)
    {
        if (exposure.NotConverted.Count == 0)
        {
            return "";
        }

        var overdue = open.Where(o => o.Overdue.IsPositive && exposure.NotConverted.Any(n => n.Currency == o.Overdue.Currency)).Select(o => o.Overdue);
        var pastDue = Exposure.InOrder(overdue, exposure.In).ToList();
        return FormattableString.Invariant(
            $" Not converted, for want of an indicative rate: {Exposure.Named(exposure.NotConverted)} open, {(pastDue.Count == 0 ? "nothing" : Exposure.Named(pastDue))} of it past due.");
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
