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
        var asOf = request.AsOf ?? await invoices.TodayForAsync(request.DebtorId, cancellationToken);
        return (await db.QueryAsync<ReceivableRow>(OpenSql, new { request.DebtorId }, cancellationToken)).Select(r => r.ToDto(asOf)).ToList();
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

internal sealed class GetDebtorsWithOpenInvoicesQueryHandler(DbSession db) : IRequestHandler<GetDebtorsWithOpenInvoicesQuery, IReadOnlyList<string>>
{
    // Walks the debtors' key and probes each debtor's items: over the items alone, SQLite picks the status index and reads every open item per page.
    private const string PageSql = """
        SELECT d.id FROM invoicing_debtors d
        WHERE d.id > @After AND EXISTS (SELECT 1 FROM invoicing_receivables r
            WHERE r.debtor_id = d.id AND r.status = 'open' AND r.kind = 'invoice' AND r.balance_minor > 0)
        ORDER BY d.id
        LIMIT @Take
        """;

    public Task<IReadOnlyList<string>> Handle(GetDebtorsWithOpenInvoicesQuery request, CancellationToken cancellationToken) =>
        db.QueryAsync<string>(PageSql, new { After = request.AfterDebtorId, request.Take }, cancellationToken);
}

internal sealed class GetOpenItemsOfDebtorsQueryHandler(DbSession db, TimeProvider time) : IRequestHandler<GetOpenItemsOfDebtorsQuery, IReadOnlyList<ReceivableDto>>
{
    private const string OpenSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE debtor_id IN @Ids AND status = 'open' AND balance_minor > 0
        ORDER BY debtor_id, due_date, issue_date, id
        """;

    private const string ZonesSql = "SELECT id AS Id, time_zone AS TimeZone FROM invoicing_debtors WHERE id IN @Ids";

    public async Task<IReadOnlyList<ReceivableDto>> Handle(GetOpenItemsOfDebtorsQuery request, CancellationToken cancellationToken)
    {
        var today = (await db.QueryByIdsAsync<DebtorZone>(ZonesSql, request.DebtorIds, ids => new { Ids = ids }, cancellationToken))
            .ToDictionary(d => d.Id, d => DebtorCalendar.Today(time, d.TimeZone));
        return (await db.QueryByIdsAsync<ReceivableRow>(OpenSql, request.DebtorIds, ids => new { Ids = ids }, cancellationToken))
            .Select(r => r.ToDto(today.GetValueOrDefault(r.DebtorId, DebtorCalendar.Today(time, "UTC"))))
            .ToList();
    }

    private sealed record DebtorZone(string Id, string TimeZone);
}
