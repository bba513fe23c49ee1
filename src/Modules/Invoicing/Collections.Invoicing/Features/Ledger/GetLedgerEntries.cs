using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

internal sealed class GetLedgerEntriesHandler(DbSession db) : IRequestHandler<GetLedgerEntriesQuery, IReadOnlyList<LedgerEntryDto>>
{
    private const string EntriesSql = """
        SELECT l.id AS Id, l.item_id AS ItemId, r.number AS ItemNumber, l.entry_type AS EntryType, l.amount_minor AS AmountMinor, l.currency AS Currency,
               l.balance_after_minor AS BalanceAfterMinor, l.source_type AS SourceType, l.source_id AS SourceId, l.reason AS Reason,
               l.effective_date AS EffectiveDate, l.recorded_at AS RecordedAt
        FROM invoicing_ledger_entries l
        JOIN invoicing_receivables r ON r.id = l.item_id
        WHERE l.debtor_id = @DebtorId
        ORDER BY l.effective_date, l.recorded_at, l.id
        """;

    public async Task<IReadOnlyList<LedgerEntryDto>> Handle(GetLedgerEntriesQuery request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<EntryRow>(EntriesSql, new { request.DebtorId }, cancellationToken))
            .Select(r => new LedgerEntryDto(r.Id, r.ItemId, r.ItemNumber, r.EntryType, r.AmountMinor, r.Currency, r.BalanceAfterMinor,
                r.SourceType, r.SourceId, r.Reason, r.EffectiveDate, r.RecordedAt))
            .ToList();

    private sealed record EntryRow
    {
        public string Id { get; init; } = "";
        public string ItemId { get; init; } = "";
        public string ItemNumber { get; init; } = "";
        public string EntryType { get; init; } = "";
        public long AmountMinor { get; init; }
        public string Currency { get; init; } = "";
        public long BalanceAfterMinor { get; init; }
        public string? SourceType { get; init; }
        public string? SourceId { get; init; }
        public string? Reason { get; init; }
        public DateOnly EffectiveDate { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
    }
}
