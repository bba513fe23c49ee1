namespace Collections.Insights.Domain;

/// <summary>
/// The collection ratios, in exact decimal arithmetic over integer minor units. Ratios are rounded half away
/// from zero to one decimal only at the end; a ratio whose denominator is zero is null (undefined), never 0.
/// </summary>
internal static class CollectionFormulas
{
    /// <summary>DSO (standard) = ending receivables ÷ credit sales in the period × days in the period.</summary>
    public static decimal? Dso(long endingReceivables, long creditSales, int days) =>
        creditSales <= 0 ? null : Round1((decimal)endingReceivables / creditSales * days);

    /// <summary>Best possible DSO = current (not yet due) receivables ÷ credit sales × days.</summary>
    public static decimal? BestPossibleDso(long currentReceivables, long creditSales, int days) =>
        creditSales <= 0 ? null : Round1((decimal)currentReceivables / creditSales * days);

    /// <summary>Average days delinquent = DSO − best possible DSO (both unrounded, then rounded once).</summary>
    public static decimal? AverageDaysDelinquent(long endingReceivables, long currentReceivables, long creditSales, int days) =>
        creditSales <= 0 ? null : Round1((decimal)(endingReceivables - currentReceivables) / creditSales * days);

    /// <summary>
    /// CEI = (beginning receivables + credit sales − ending receivables)
    ///     ÷ (beginning receivables + credit sales − ending current receivables) × 100.
    /// </summary>
    public static decimal? Cei(long beginningReceivables, long creditSales, long endingReceivables, long endingCurrentReceivables)
    {
        var denominator = beginningReceivables + creditSales - endingCurrentReceivables;
        return denominator <= 0 ? null : Round1((decimal)(beginningReceivables + creditSales - endingReceivables) / denominator * 100m);
    }

    /// <summary>Part ÷ whole × 100, or null when the whole is zero.</summary>
    public static decimal? Percent(long part, long whole) => whole == 0 ? null : Round1((decimal)part / whole * 100m);

    /// <summary>
    /// DSO by the countback method: walk back from the period's end through calendar months, newest first,
    /// taking each month's credit sales out of the ending receivables. Every month fully absorbed counts all
    /// its days; the month where the receivables run out counts remaining ÷ its sales × its days. Months are
    /// (days, sales) newest first; the newest may be partial (only the days up to the period's end).
    /// Null when there are no receivables to explain or no sales in the window at all.
    /// </summary>
    public static decimal? CountbackDso(long endingReceivables, IReadOnlyList<(int Days, long Sales)> monthsNewestFirst)
    {
        if (endingReceivables <= 0 || monthsNewestFirst.All(m => m.Sales <= 0))
        {
            return endingReceivables == 0 ? 0m : null;
        }

        var remaining = endingReceivables;
        var days = 0m;
        foreach (var (monthDays, sales) in monthsNewestFirst)
        {
            if (remaining <= sales)
            {
                return Round1(days + ((decimal)remaining / sales * monthDays));
            }

            remaining -= Math.Max(0, sales);
            days += monthDays;
        }

        // More receivables than all the sales of the window: every day of the window is outstanding, at least.
        return Round1(days);
    }

    /// <summary>Median of whole days; the mean of the two middle values for an even count. Null for none.</summary>
    public static decimal? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : Round1((sorted[middle - 1] + sorted[middle]) / 2m);
    }

    public static decimal Round1(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero);
}
