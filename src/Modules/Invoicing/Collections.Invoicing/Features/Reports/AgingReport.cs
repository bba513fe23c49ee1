using Collections.Invoicing.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Invoicing.Features.Reports;

public sealed record AgingAmounts(MoneyDto Current, MoneyDto Days1To30, MoneyDto Days31To60, MoneyDto Days61To90, MoneyDto Days91To120, MoneyDto Over120, MoneyDto Disputed, MoneyDto Total)
{
    internal static AgingAmounts From(AgingBuckets b, string currency)
    {
        MoneyDto M(long minor) => MoneyDto.Of(minor, currency);
        return new(M(b.Minor[0]), M(b.Minor[1]), M(b.Minor[2]), M(b.Minor[3]), M(b.Minor[4]), M(b.Minor[5]), M(b.DisputedMinor), M(b.TotalMinor));
    }
}

public sealed record AgingDebtorRow(string DebtorId, string DebtorName, string Currency, int OpenItems, AgingAmounts Amounts);

public sealed record AgingTotalRow(string Currency, int Debtors, int OpenItems, AgingAmounts Amounts);

public sealed record AgingReportResponse(DateOnly AsOf, IReadOnlyList<AgingDebtorRow> Debtors, IReadOnlyList<AgingTotalRow> Totals);

internal sealed record GetAgingReportQuery(DateOnly? AsOf) : IRequest<AgingReportResponse>;

internal sealed class GetAgingReportValidator : AbstractValidator<GetAgingReportQuery>
{
    public GetAgingReportValidator() => RuleFor(q => q.AsOf).GreaterThan(new DateOnly(1900, 1, 1)).OverridePropertyName("asOf");
}

/// <summary>
/// Balances as of the date are rebuilt from ledger entries effective on or before it, and the disputed part from the
/// item's disputed history, so a past date shows what was owed and what was disputed then.
/// </summary>
internal sealed class GetAgingReportHandler(DbSession db, TimeProvider time) : IRequestHandler<GetAgingReportQuery, AgingReportResponse>
{
    private const string BalancesSql = """
        SELECT b.DebtorId, b.DebtorName, b.Currency, b.DueDate, b.BalanceMinor,
               COALESCE((SELECT h.disputed_minor FROM invoicing_disputed_history h
                         WHERE h.item_id = b.ItemId
                           AND h.effective_on = (SELECT MAX(h2.effective_on) FROM invoicing_disputed_history h2 WHERE h2.item_id = b.ItemId AND h2.effective_on <= @AsOf)), 0) AS DisputedMinor
        FROM (
            SELECT r.id AS ItemId, r.debtor_id AS DebtorId, d.name AS DebtorName, r.currency AS Currency, r.due_date AS DueDate, SUM(l.amount_minor) AS BalanceMinor
            FROM invoicing_receivables r
            JOIN invoicing_ledger_entries l ON l.item_id = r.id
            JOIN invoicing_debtors d ON d.id = r.debtor_id
            WHERE r.issue_date <= @AsOf AND l.effective_date <= @AsOf
            GROUP BY r.id, r.debtor_id, d.name, r.currency, r.due_date
            HAVING SUM(l.amount_minor) > 0
        ) b
        """;

    public async Task<AgingReportResponse> Handle(GetAgingReportQuery query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await db.QueryAsync<OpenBalance>(BalancesSql, new { AsOf = asOf }, cancellationToken);
        var debtors = rows.GroupBy(r => (r.DebtorId, r.Currency))
            .Select(g =>
            {
                var buckets = new AgingBuckets();
                foreach (var item in g)
                {
                    buckets.Add(item.DueDate, asOf, item.BalanceMinor, item.DisputedMinor);
                }

                return (Row: g.First(), Items: g.Count(), Buckets: buckets);
            })
            .OrderBy(d => d.Row.DebtorName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Row.DebtorId, StringComparer.Ordinal).ThenBy(d => d.Row.Currency, StringComparer.Ordinal)
            .ToList();
        var totals = debtors.GroupBy(d => d.Row.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var sum = new AgingBuckets();
            foreach (var debtor in g)
            {
                sum.Add(debtor.Buckets);
            }

            return new AgingTotalRow(g.Key, g.Count(), g.Sum(d => d.Items), AgingAmounts.From(sum, g.Key));
        }).ToList();
        return new AgingReportResponse(
            asOf,
            debtors.Select(d => new AgingDebtorRow(d.Row.DebtorId, d.Row.DebtorName, d.Row.Currency, d.Items, AgingAmounts.From(d.Buckets, d.Row.Currency))).ToList(),
            totals);
    }

    private sealed record OpenBalance
    {
        public required string DebtorId { get; init; }

        public required string DebtorName { get; init; }

        public required string Currency { get; init; }

        public DateOnly DueDate { get; init; }

        public long DisputedMinor { get; init; }

        public long BalanceMinor { get; init; }
    }
}

internal sealed class GetAgingReportEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/reports/aging", (DateOnly? asOf, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAgingReportQuery(asOf), ct))
            .RequireAuthorization(Policies.Erp)
            .WithName("GetAgingReport")
            .WithSummary("Get the aging report")
            .WithDescription("Open balances per debtor and currency, and in total per currency, in buckets by days past due as of a date (default today), with the disputed part in its own column.")
            .Produces<AgingReportResponse>()
            .ProducesValidationProblem();
}
