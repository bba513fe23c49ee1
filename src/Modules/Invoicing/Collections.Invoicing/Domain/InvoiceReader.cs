using Collections.Invoicing.Features.Invoices;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Invoicing.Domain;

internal sealed class InvoiceReader(DbSession db, TimeProvider time)
{
    private const string ByExternalIdSql = "SELECT " + ReceivableRow.Columns + " FROM invoicing_receivables WHERE external_id = @ExternalId";
    private const string TimeZoneSql = "SELECT time_zone FROM invoicing_debtors WHERE id = @DebtorId";
    private const string LinesSql = """
        SELECT description AS Description, quantity AS Quantity, unit_price_minor AS UnitPriceMinor, amount_minor AS AmountMinor
        FROM invoicing_invoice_lines WHERE invoice_id = @InvoiceId ORDER BY position
        """;

    public Task<ReceivableRow?> FindAsync(string id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ReceivableRow>(ReceivableRow.SelectByIdSql, new { Id = id }, ct);

    public Task<ReceivableRow?> FindByExternalIdAsync(string externalId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ReceivableRow>(ByExternalIdSql, new { ExternalId = externalId }, ct);

    /// <summary>Today's date where the debtor is.</summary>
    public async Task<DateOnly> TodayForAsync(string debtorId, CancellationToken ct) =>
        DebtorCalendar.Today(time, await db.QuerySingleOrDefaultAsync<string>(TimeZoneSql, new { DebtorId = debtorId }, ct) ?? "UTC");

    public async Task<InvoiceResponse> ResponseAsync(ReceivableRow row, CancellationToken ct)
    {
        var lines = await db.QueryAsync<LineRow>(LinesSql, new { InvoiceId = row.Id }, ct);
        return InvoiceResponse.From(row, await TodayForAsync(row.DebtorId, ct), lines
            .Select(l => new InvoiceLineResponse(l.Description, l.Quantity, MoneyDto.Of(l.UnitPriceMinor, row.Currency), MoneyDto.Of(l.AmountMinor, row.Currency)))
            .ToList());
    }

    private sealed record LineRow
    {
        public required string Description { get; init; }

        public decimal Quantity { get; init; }

        public long UnitPriceMinor { get; init; }

        public long AmountMinor { get; init; }
    }
}
