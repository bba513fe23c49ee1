using Collections.Invoicing.Domain;
using Collections.Payments.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Collections.Invoicing.Features.Statements;

public sealed record StatementDebtor(string Id, string ExternalId, string Name, string TimeZone);

/// <summary>NetDue is the balance less the account credit not yet applied (negative: the debtor is in credit).</summary>
public sealed record StatementTotal(string Currency, MoneyDto Balance, MoneyDto Overdue, MoneyDto Disputed, MoneyDto UnappliedCredit, MoneyDto NetDue);

public sealed record StatementItem(
    string Id, string Kind, string Number, string? PoNumber, string? InvoiceId, DateOnly IssueDate, DateOnly DueDate,
    MoneyDto Total, MoneyDto Balance, MoneyDto Disputed, int DaysOverdue);

public sealed record StatementEntry(DateOnly Date, string ItemId, string ItemNumber, string Type, MoneyDto Amount, MoneyDto BalanceAfter);

public sealed record StatementResponse(StatementDebtor Debtor, DateOnly AsOf, IReadOnlyList<StatementTotal> Totals, IReadOnlyList<StatementItem> OpenItems, IReadOnlyList<StatementEntry> RecentEntries);

internal sealed record GetStatementQuery(string DebtorId, string? Format) : IRequest<StatementResponse>;

internal sealed class GetStatementValidator : AbstractValidator<GetStatementQuery>
{
    public GetStatementValidator() =>
        RuleFor(q => q.Format).Must(f => f is null or "json" or "csv").WithMessage("The format must be 'json' or 'csv'.").OverridePropertyName("format");
}

/// <summary>What the debtor owes today (in its own time zone), item by item, its unapplied account credit, and the ledger of the last 90 days.</summary>
internal sealed class GetStatementHandler(DbSession db, DebtorReader debtors, IMediator mediator, CallerContext caller, TimeProvider time) : IRequestHandler<GetStatementQuery, StatementResponse>
{
    public const int RecentDays = 90;
    public const int MaxEntries = 200;

    private const string OpenSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE debtor_id = @DebtorId AND status = 'open' AND balance_minor > 0
        ORDER BY due_date, issue_date, id
        """;

    private const string EntriesSql = """
        SELECT l.effective_date AS Date, l.item_id AS ItemId, r.number AS ItemNumber, l.entry_type AS Type, l.amount_minor AS AmountMinor,
               l.balance_after_minor AS BalanceAfterMinor, l.currency AS Currency
        FROM invoicing_ledger_entries l
        JOIN invoicing_receivables r ON r.id = l.item_id
        WHERE l.debtor_id = @DebtorId AND l.effective_date >= @Since
        ORDER BY l.effective_date DESC, l.id DESC
        LIMIT @Take
        """;

    public async Task<StatementResponse> Handle(GetStatementQuery query, CancellationToken cancellationToken)
    {
        var debtor = await debtors.FindAsync(query.DebtorId, cancellationToken);
        if (debtor is null || !caller.Current.CanSee(debtor.Id))
        {
            throw new NotFoundException("Debtor", query.DebtorId);
        }

        var today = DebtorCalendar.Today(time, debtor.TimeZone);
        var open = await db.QueryAsync<ReceivableRow>(OpenSql, new { DebtorId = debtor.Id }, cancellationToken);
        var entries = await db.QueryAsync<EntryRow>(EntriesSql, new { DebtorId = debtor.Id, Since = today.AddDays(-RecentDays), Take = MaxEntries }, cancellationToken);
        var credit = (await mediator.Send(new GetUnappliedCreditQuery(debtor.Id), cancellationToken)).ToDictionary(c => c.Currency, c => c.AmountMinor);
        var byCurrency = open.ToLookup(i => i.Currency);
        var totals = byCurrency.Select(g => g.Key).Union(credit.Keys).Order(StringComparer.Ordinal).Select(currency =>
        {
            var items = byCurrency[currency].ToList();
            var balance = items.Sum(i => i.BalanceMinor);
            var unapplied = credit.GetValueOrDefault(currency);
            return new StatementTotal(
                currency,
                MoneyDto.Of(balance, currency),
                MoneyDto.Of(items.Where(i => i.DaysOverdue(today) > 0).Sum(i => i.BalanceMinor), currency),
                MoneyDto.Of(items.Sum(i => Math.Min(i.DisputedMinor, i.BalanceMinor)), currency),
                MoneyDto.Of(unapplied, currency),
                MoneyDto.Of(balance - unapplied, currency));
        }).ToList();
        return new StatementResponse(
            new StatementDebtor(debtor.Id, debtor.ExternalId, debtor.Name, debtor.TimeZone),
            today,
            totals,
            open.Select(i => new StatementItem(
                i.Id, i.Kind, i.Number, i.PoNumber, i.ParentId, i.IssueDate, i.DueDate, MoneyDto.Of(i.TotalMinor, i.Currency),
                MoneyDto.Of(i.BalanceMinor, i.Currency), MoneyDto.Of(i.DisputedMinor, i.Currency), i.DaysOverdue(today))).ToList(),
            entries.Select(e => new StatementEntry(e.Date, e.ItemId, e.ItemNumber, e.Type, MoneyDto.Of(e.AmountMinor, e.Currency), MoneyDto.Of(e.BalanceAfterMinor, e.Currency))).ToList());
    }

    private sealed record EntryRow
    {
        public DateOnly Date { get; init; }

        public required string ItemId { get; init; }

        public required string ItemNumber { get; init; }

        public required string Type { get; init; }

        public long AmountMinor { get; init; }

        public long BalanceAfterMinor { get; init; }

        public required string Currency { get; init; }
    }
}

internal sealed class GetStatementEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/debtors/{id}/statement", async (string id, string? format, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var csv = format == "csv" || (format is null && http.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true));
                var statement = await mediator.Send(new GetStatementQuery(id, format), ct);
                if (!csv)
                {
                    return Results.Ok(statement);
                }

                // An external id may hold any character: filename* carries it (RFC 6266), filename an ASCII fallback.
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName($"statement-{statement.Debtor.ExternalId}-{statement.AsOf:yyyy-MM-dd}.csv");
                http.Response.Headers.ContentDisposition = disposition.ToString();
                return Results.Text(StatementCsv.Write(statement), "text/csv", System.Text.Encoding.UTF8);
            })
            .RequireAuthorization(Policies.Portal)
            .WithName("GetDebtorStatement")
            .WithSummary("Get a debtor's statement")
            .WithDescription("The debtor's statement: open items, totals per currency with unapplied credit, and the last 90 days of ledger entries. `?format=csv` (or Accept: text/csv) for a spreadsheet.")
            .Produces(StatusCodes.Status200OK, typeof(StatementResponse), "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
