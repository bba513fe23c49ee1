using Collections.Insights.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Microsoft.Extensions.Options;

namespace Collections.Insights.Features.Alerts;

/// <summary>The alerts that time raises rather than a fact: disputes past due, high-risk debtors' large invoices falling due.</summary>
internal sealed class AlertScanner(DbSession db, AlertBook alerts, RiskReader risk, IndicativeRates rates, IOptions<InsightsOptions> options)
{
    public const int DueWithinDays = 7;

    private const string OverdueDisputesSql = """
        SELECT id AS Id, debtor_id AS DebtorId, currency AS Currency, disputed_minor AS AmountMinor, opened_on AS OnDate
        FROM insights_disputes WHERE closed_on IS NULL AND opened_on < @DueBefore
        """;

    private const string FallingDueSql = """
        SELECT id AS Id, debtor_id AS DebtorId, currency AS Currency, balance_minor AS AmountMinor, due_date AS OnDate
        FROM insights_items WHERE kind = 'invoice' AND status = 'open' AND due_date >= @Today AND due_date <= @Until
        """;

    /// <summary>Null in a currency with neither its own figure nor a rate: no invoice there counts as large on its own.</summary>
    private long? LargeFrom(string currency) =>
        CurrencyThresholds.MinorIn(currency, options.Value.LargeInvoiceAmount, options.Value.LargeInvoiceAmountByCurrency, rates, MidpointRounding.AwayFromZero);

    public async Task ScanAsync(DateOnly today, CancellationToken ct)
    {
        var dueDays = options.Value.DisputeDueDays;
        foreach (var d in await db.QueryAsync<Row>(OverdueDisputesSql, new { DueBefore = today.AddDays(-dueDays) }, ct))
        {
            await alerts.RaiseAsync(AlertTypes.DisputeOverdue, d.Id, d.DebtorId,
                FormattableString.Invariant($"Dispute {d.Id} over {new Money(d.AmountMinor, Currency.Of(d.Currency))} was opened on {d.OnDate:yyyy-MM-dd} and is still open past its {dueDays}-day due date."), ct);
        }

        var large = (await db.QueryAsync<Row>(FallingDueSql, new { Today = today, Until = today.AddDays(DueWithinDays) }, ct))
            .Where(i => LargeFrom(i.Currency) is { } threshold && i.AmountMinor >= threshold)
            .ToList();
        foreach (var debtor in large.GroupBy(i => i.DebtorId))
        {
            if (await risk.ForDebtorAsync(debtor.Key, today, ct) is not { Risk.Band: "high" } scored)
            {
                continue;
            }

            foreach (var item in debtor)
            {
                await alerts.RaiseAsync(AlertTypes.LargeInvoiceDue, item.Id, item.DebtorId,
                    FormattableString.Invariant($"{scored.Debtor.Name} (high risk, score {scored.Risk.Score}) has {new Money(item.AmountMinor, Currency.Of(item.Currency))} falling due on {item.OnDate:yyyy-MM-dd}."), ct);
            }
        }
    }

    private sealed record Row
    {
        public string Id { get; init; } = "";
        public string DebtorId { get; init; } = "";
        public string Currency { get; init; } = "";
        public long AmountMinor { get; init; }
        public DateOnly OnDate { get; init; }
    }
}
