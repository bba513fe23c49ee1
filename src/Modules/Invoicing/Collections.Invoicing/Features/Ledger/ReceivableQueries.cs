using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

internal sealed class GetReceivableQueryHandler(InvoiceReader invoices) : IRequestHandler<GetReceivableQuery, ReceivableDto?>
{
    public async Task<ReceivableDto?> Handle(GetReceivableQuery request, CancellationToken cancellationToken) =>
        await invoices.FindAsync(request.ItemId, cancellationToken) is { } row ? row.ToDto(request.AsOf ?? await invoices.TodayForAsync(row.DebtorId, cancellationToken)) : null;
}

internal sealed class GetItemReferencesQueryHandler(DbSession db) : IRequestHandler<GetItemReferencesQuery, IReadOnlyList<ItemReferenceDto>>
{
    private const string ReferencesSql = "SELECT id AS Id, external_id AS ExternalId, number AS Number FROM invoicing_receivables WHERE id IN @Ids";

    public Task<IReadOnlyList<ItemReferenceDto>> Handle(GetItemReferencesQuery request, CancellationToken cancellationToken) =>
        db.QueryByIdsAsync<ItemReferenceDto>(ReferencesSql, request.ItemIds, ids => new { Ids = ids }, cancellationToken);
}

internal sealed class GetOpenItemsQueryHandler(DbSession db, InvoiceReader invoices) : IRequestHandler<GetOpenItemsQuery, IReadOnlyList<ReceivableDto>>
{
    private const string OpenSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE debtor_id = @DebtorId AND status = 'open' AND balance_minor > 0
        ORDER BY due_date, issue_date, id
        """;

    public async Task<IReadOnlyList<ReceivableDto>> Handle(GetOpenItemsQuery request, CancellationToken cancellationToken)
    {
        var today = await invoices.TodayForAsync(request.DebtorId, cancellationToken);
        return (await db.QueryAsync<ReceivableRow>(OpenSql, new { request.DebtorId }, cancellationToken)).Select(r => r.ToDto(today)).ToList();
    }
}

internal sealed class GetDebtorItemsQueryHandler(DbSession db, InvoiceReader invoices) : IRequestHandler<GetDebtorItemsQuery, IReadOnlyList<InvoiceRecordDto>>
{
    private const string ItemsSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE debtor_id = @DebtorId
        ORDER BY issue_date, id
        """;

    public async Task<IReadOnlyList<InvoiceRecordDto>> Handle(GetDebtorItemsQuery request, CancellationToken cancellationToken)
    {
        var today = await invoices.TodayForAsync(request.DebtorId, cancellationToken);
        return (await db.QueryAsync<ReceivableRow>(ItemsSql, new { request.DebtorId }, cancellationToken))
            .Select(r => new InvoiceRecordDto(r.ToDto(today), new InvoiceTermsDto(r.NetDays, r.DiscountBasisPoints / (decimal?)EarlyPaymentTerms.BasisPointsPerPercent, r.DiscountDays)))
            .ToList();
    }
}

internal sealed class GetAllOpenItemsQueryHandler(DbSession db, TimeProvider time) : IRequestHandler<GetAllOpenItemsQuery, IReadOnlyList<ReceivableDto>>
{
    private const string OpenSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE status = 'open' AND balance_minor > 0
        ORDER BY debtor_id, due_date, issue_date, id
        """;

    private const string ZonesSql = "SELECT id AS Id, time_zone AS TimeZone FROM invoicing_debtors";

    public async Task<IReadOnlyList<ReceivableDto>> Handle(GetAllOpenItemsQuery request, CancellationToken cancellationToken)
    {
        var today = (await db.QueryAsync<DebtorZone>(ZonesSql, ct: cancellationToken))
            .ToDictionary(d => d.Id, d => DebtorCalendar.Today(time, d.TimeZone));
        return (await db.QueryAsync<ReceivableRow>(OpenSql, ct: cancellationToken))
            .Select(r => r.ToDto(today.GetValueOrDefault(r.DebtorId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))))
            .ToList();
    }

    private sealed record DebtorZone(string Id, string TimeZone);
}
