using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

/// <summary>What Payments asks when it matches a bank statement line to the items it pays (docs/payments.md, "Bank statements").</summary>
internal sealed class FindOpenItemsByNumberHandler(DbSession db) : IRequestHandler<FindOpenItemsByNumberQuery, IReadOnlyList<ReceivableDto>>
{
    private const string ByNumberSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE status = 'open' AND balance_minor > 0 AND currency = @Currency AND LOWER(number) IN @Numbers
        ORDER BY due_date, id
        """;

    public async Task<IReadOnlyList<ReceivableDto>> Handle(FindOpenItemsByNumberQuery request, CancellationToken cancellationToken)
    {
        var numbers = request.Numbers.Select(n => n.Trim().ToLowerInvariant()).Where(n => n.Length > 0);
        return (await db.QueryByIdsAsync<ReceivableRow>(ByNumberSql, numbers, chunk => new { request.Currency, Numbers = chunk }, cancellationToken))
            .Select(r => r.ToDto(request.AsOf))
            .ToList();
    }
}

internal sealed class FindOpenItemsPayableWithHandler(DbSession db) : IRequestHandler<FindOpenItemsPayableWithQuery, IReadOnlyList<ReceivableDto>>
{
    // The second branch narrows to items whose discount could be the difference (the discount is at most its percentage of
    // total − credited, rounded); the exact offer on the day is decided below, by the same rule that grants it.
    private const string PayableWithSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE status = 'open' AND balance_minor > 0 AND currency = @Currency
          AND (balance_minor - disputed_minor = @AmountMinor
               OR (discount_basis_points > 0 AND disputed_minor = 0 AND balance_minor > @AmountMinor
                   AND balance_minor - @AmountMinor <= ((total_minor - credited_minor) * discount_basis_points / 10000) + 1))
        ORDER BY due_date, id
        """;

    public async Task<IReadOnlyList<ReceivableDto>> Handle(FindOpenItemsPayableWithQuery request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ReceivableRow>(PayableWithSql, new { request.AmountMinor, request.Currency }, cancellationToken))
            .Select(r => r.ToDto(request.AsOf))
            .Where(i => i.CollectibleMinor == request.AmountMinor || (i.EarlyPayment is { } offer && i.BalanceMinor - offer.DiscountMinor == request.AmountMinor))
            .ToList();
}

internal sealed class FindDebtorsByNameHandler(DbSession db) : IRequestHandler<FindDebtorsByNameQuery, IReadOnlyList<string>>
{
    private const string ByNameSql = "SELECT id FROM invoicing_debtors WHERE search_name = @SearchName ORDER BY id";

    public Task<IReadOnlyList<string>> Handle(FindDebtorsByNameQuery request, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Name)
            ? Task.FromResult<IReadOnlyList<string>>([])
            : db.QueryAsync<string>(ByNameSql, new { SearchName = request.Name.Trim().ToLowerInvariant() }, cancellationToken);
}
