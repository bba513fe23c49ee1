using Collections.SharedKernel;

namespace Collections.Insights.Domain;

/// <summary>The raw sums of one period, in minor units of one currency; PeriodFigures derives every ratio from them.</summary>
internal sealed record PeriodTotals(
    DateOnly From,
    DateOnly To,
    long BeginningReceivables,
    long CreditSales,
    long EndingReceivables,
    long EndingCurrentReceivables,
    IReadOnlyList<(int Days, long Sales)> MonthsNewestFirst,
    long CashCollected,
    long Disputed,
    int OpenDisputes,
    int OverdueDisputes,
    IReadOnlyList<int> DaysToResolveDisputes,
    int PromisesKept,
    int PromisesBroken,
    int PlansDefaulted,
    int PlansCompleted,
    IReadOnlyList<long>? AgingMinor = null);

/// <summary>Receivables at the period's end by days past due: current (not yet due), 1–30, 31–60, 61–90, over 90.</summary>
public sealed record AgingBucket(string Bucket, MoneyDto Amount);

public sealed record InsightsFigures(
    DateOnly From,
    DateOnly To,
    int Days,
    string Currency,
    MoneyDto Receivables,
    MoneyDto CurrentReceivables,
    MoneyDto Overdue,
    decimal? OverduePercent,
    MoneyDto Disputed,
    MoneyDto BeginningReceivables,
    MoneyDto CreditSales,
    MoneyDto CashCollected,
    decimal? Dso,
    decimal? CountbackDso,
    decimal? BestPossibleDso,
    decimal? AverageDaysDelinquent,
    decimal? Cei,
    decimal? PromiseKeptRate,
    decimal? PlanDefaultRate,
    int OpenDisputes,
    int OverdueDisputes,
    decimal? MedianDaysToResolveDispute,
    IReadOnlyList<AgingBucket> Aging);

internal static class PeriodFigures
{
    public static InsightsFigures Compose(PeriodTotals t, Currency currency)
    {
        var days = t.To.DayNumber - t.From.DayNumber + 1;
        var overdue = t.EndingReceivables - t.EndingCurrentReceivables;
        MoneyDto M(long minor) => new Money(minor, currency).ToDto();
        return new InsightsFigures(
            t.From, t.To, days, currency.Code,
            M(t.EndingReceivables), M(t.EndingCurrentReceivables), M(overdue),
            CollectionFormulas.Percent(overdue, t.EndingReceivables),
            M(t.Disputed), M(t.BeginningReceivables), M(t.CreditSales), M(t.CashCollected),
            CollectionFormulas.Dso(t.EndingReceivables, t.CreditSales, days),
            CollectionFormulas.CountbackDso(t.EndingReceivables, t.MonthsNewestFirst),
            CollectionFormulas.BestPossibleDso(t.EndingCurrentReceivables, t.CreditSales, days),
            CollectionFormulas.AverageDaysDelinquent(t.EndingReceivables, t.EndingCurrentReceivables, t.CreditSales, days),
            CollectionFormulas.Cei(t.BeginningReceivables, t.CreditSales, t.EndingReceivables, t.EndingCurrentReceivables),
            CollectionFormulas.Percent(t.PromisesKept, t.PromisesKept + t.PromisesBroken),
            CollectionFormulas.Percent(t.PlansDefaulted, t.PlansDefaulted + t.PlansCompleted),
            t.OpenDisputes, t.OverdueDisputes,
            CollectionFormulas.Median(t.DaysToResolveDisputes),
            AgingBuckets.Select((name, i) => new AgingBucket(name, M(t.AgingMinor is { } a && i < a.Count ? a[i] : 0))).ToList());
    }

    public static readonly string[] AgingBuckets = ["current", "1-30", "31-60", "61-90", "90+"];

    /// <summary>0 while not yet due at `asOf`; then 1–30, 31–60, 61–90 and more days past due.</summary>
    public static int BucketOf(DateOnly due, DateOnly asOf)
    {
        var pastDue = asOf.DayNumber - due.DayNumber;
        return pastDue <= 0 ? 0 : pastDue <= 30 ? 1 : pastDue <= 60 ? 2 : pastDue <= 90 ? 3 : 4;
    }

    /// <summary>Calendar months ending at `to`, newest first: the newest counts only its days up to `to`.</summary>
    public static IReadOnlyList<(int Days, long Sales)> CountbackMonths(DateOnly to, IReadOnlyDictionary<int, long> salesByMonth, int monthsBack)
    {
        var months = new List<(int, long)>(monthsBack);
        var first = new DateOnly(to.Year, to.Month, 1);
        for (var i = 0; i < monthsBack; i++)
        {
            var start = first.AddMonths(-i);
            var days = i == 0 ? to.Day : DateTime.DaysInMonth(start.Year, start.Month);
            months.Add((days, salesByMonth.GetValueOrDefault(InsightsStore.MonthKey(start))));
        }

        return months;
    }
}
