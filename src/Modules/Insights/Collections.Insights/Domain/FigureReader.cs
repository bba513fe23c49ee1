using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Microsoft.Extensions.Options;

namespace Collections.Insights.Domain;

/// <summary>
/// Reads the sums behind the figures with one grouped pass over the movements (and one over the payments), then
/// composes the ratios in memory. Receivables are invoices only; money is one currency at a time.
/// </summary>
internal sealed class FigureReader(DbSession db, IOptions<InsightsOptions> options)
{
    public const int CountbackMonths = 24;

    private const string PeriodSql = """
        SELECT on_month AS Month, CASE WHEN on_date < @From THEN 0 ELSE 1 END AS InPeriod,
               CASE WHEN due_date >= @To THEN 0 WHEN due_date >= @Due30 THEN 1 WHEN due_date >= @Due60 THEN 2 WHEN due_date >= @Due90 THEN 3 ELSE 4 END AS Bucket,
               is_sale AS IsSale, SUM(delta_minor) AS Minor
        FROM insights_movements
        WHERE currency = @Currency AND on_date <= @To
        GROUP BY on_month, CASE WHEN on_date < @From THEN 0 ELSE 1 END,
                 CASE WHEN due_date >= @To THEN 0 WHEN due_date >= @Due30 THEN 1 WHEN due_date >= @Due60 THEN 2 WHEN due_date >= @Due90 THEN 3 ELSE 4 END, is_sale
        """;

    private const string MonthlySql = """
        SELECT on_month AS Month, due_date AS DueDate, is_sale AS IsSale, SUM(delta_minor) AS Minor
        FROM insights_movements
        WHERE currency = @Currency AND on_date <= @To
        GROUP BY on_month, due_date, is_sale
        """;

    private const string CashSql = """
        SELECT received_month AS Month, SUM(amount_minor) AS Minor FROM insights_payments
        WHERE currency = @Currency AND received_on >= @From AND received_on <= @To
        GROUP BY received_month
        """;

    private const string DisputesSql = """
        SELECT disputed_minor AS DisputedMinor, opened_on AS OpenedOn, closed_on AS ClosedOn FROM insights_disputes
        WHERE currency = @Currency AND opened_on <= @To
        """;

    private const string OutcomesSql = """
        SELECT 'promise' AS Kind, status AS Status, resolved_on AS EndedOn FROM insights_promises
        WHERE currency = @Currency AND resolved_on >= @From AND resolved_on <= @To AND status IN ('kept', 'broken')
        UNION ALL
        SELECT 'plan', status, ended_on FROM insights_plans
        WHERE currency = @Currency AND ended_on >= @From AND ended_on <= @To AND status IN ('defaulted', 'completed')
        """;

    public async Task<InsightsFigures> SummaryAsync(Currency currency, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var args = new { Currency = currency.Code, From = from, To = to };
        var rows = await db.QueryAsync<PeriodRow>(PeriodSql, new { args.Currency, From = from, To = to, Due30 = to.AddDays(-30), Due60 = to.AddDays(-60), Due90 = to.AddDays(-90) }, ct);
        var cash = (await db.QueryAsync<MonthSum>(CashSql, args, ct)).Sum(r => r.Minor);
        var sales = rows.Where(r => r.IsSale == 1).GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.Sum(r => r.Minor));
        var facts = await FactsAsync(args, ct);
        return PeriodFigures.Compose(Totals(
            from, to,
            beginning: rows.Where(r => r.InPeriod == 0).Sum(r => r.Minor),
            sales: rows.Where(r => r.InPeriod == 1 && r.IsSale == 1).Sum(r => r.Minor),
            ending: rows.Sum(r => r.Minor),
            aging: Enumerable.Range(0, PeriodFigures.AgingBuckets.Length).Select(b => rows.Where(r => r.Bucket == b).Sum(r => r.Minor)).ToArray(),
            PeriodFigures.CountbackMonths(to, sales, CountbackMonths), cash, facts), currency);
    }

    /// <summary>Calendar months, oldest first, the last one running to today.</summary>
    public async Task<IReadOnlyList<InsightsFigures>> TrendAsync(Currency currency, int months, DateOnly today, CancellationToken ct)
    {
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var args = new { Currency = currency.Code, From = firstMonth, To = today };
        var rows = await db.QueryAsync<MonthlyRow>(MonthlySql, args, ct);
        var cash = (await db.QueryAsync<MonthSum>(CashSql, args, ct)).ToDictionary(r => r.Month, r => r.Minor);
        var facts = await FactsAsync(args, ct);
        var sales = rows.Where(r => r.IsSale == 1).GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.Sum(r => r.Minor));
        var byMonth = rows.GroupBy(r => r.Month).OrderBy(g => g.Key).ToList();

        var result = new List<InsightsFigures>(months);
        for (var i = 0; i < months; i++)
        {
            var from = firstMonth.AddMonths(i);
            var to = i == months - 1 ? today : from.AddMonths(1).AddDays(-1);
            var key = InsightsStore.MonthKey(from);
            var upTo = byMonth.TakeWhile(g => g.Key <= key).SelectMany(g => g).ToList();
            result.Add(PeriodFigures.Compose(Totals(
                from, to,
                beginning: upTo.Where(r => r.Month < key).Sum(r => r.Minor),
                sales: sales.GetValueOrDefault(key),
                ending: upTo.Sum(r => r.Minor),
                aging: Enumerable.Range(0, PeriodFigures.AgingBuckets.Length).Select(b => upTo.Where(r => PeriodFigures.BucketOf(r.DueDate, to) == b).Sum(r => r.Minor)).ToArray(),
                PeriodFigures.CountbackMonths(to, sales, CountbackMonths), cash.GetValueOrDefault(key), facts), currency));
        }

        return result;
    }

    private PeriodTotals Totals(DateOnly from, DateOnly to, long beginning, long sales, long ending, long[] aging,
        IReadOnlyList<(int, long)> countback, long cash, Facts facts)
    {
        var open = facts.Disputes.Where(d => d.OpenedOn <= to && (d.ClosedOn is null || d.ClosedOn > to)).ToList();
        var dueBefore = to.AddDays(-options.Value.DisputeDueDays);
        var resolved = facts.Disputes.Where(d => d.ClosedOn is { } c && c >= from && c <= to)
            .Select(d => d.ClosedOn!.Value.DayNumber - d.OpenedOn.DayNumber).ToList();
        var outcomes = facts.Outcomes.Where(o => o.EndedOn >= from && o.EndedOn <= to).ToList();
        int Count(string kind, string status) => outcomes.Count(o => o.Kind == kind && o.Status == status);
        return new PeriodTotals(from, to, beginning, sales, ending, aging[0], countback, cash,
            open.Sum(d => d.DisputedMinor), open.Count, open.Count(d => d.OpenedOn < dueBefore), resolved,
            Count("promise", "kept"), Count("promise", "broken"), Count("plan", "defaulted"), Count("plan", "completed"), aging);
    }

    private async Task<Facts> FactsAsync(object args, CancellationToken ct) =>
        new(await db.QueryAsync<DisputeRow>(DisputesSql, args, ct), await db.QueryAsync<OutcomeRow>(OutcomesSql, args, ct));

    private sealed record Facts(IReadOnlyList<DisputeRow> Disputes, IReadOnlyList<OutcomeRow> Outcomes);

    private sealed record PeriodRow
    {
        public int Month { get; init; }
        public int InPeriod { get; init; }
        public int Bucket { get; init; }
        public int IsSale { get; init; }
        public long Minor { get; init; }
    }

    private sealed record MonthlyRow
    {
        public int Month { get; init; }
        public DateOnly DueDate { get; init; }
        public int IsSale { get; init; }
        public long Minor { get; init; }
    }

    private sealed record MonthSum
    {
        public int Month { get; init; }
        public long Minor { get; init; }
    }

    private sealed record DisputeRow
    {
        public long DisputedMinor { get; init; }
        public DateOnly OpenedOn { get; init; }
        public DateOnly? ClosedOn { get; init; }
    }

    private sealed record OutcomeRow
    {
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public DateOnly EndedOn { get; init; }
    }
}
