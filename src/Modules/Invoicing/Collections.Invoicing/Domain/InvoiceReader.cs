using Collections.SharedKernel.Data;

namespace Collections.Invoicing.Domain;

internal sealed class InvoiceReader(DbSession db, TimeProvider time)
{
    private const string ByExternalIdSql = "SELECT " + ReceivableRow.Columns + " FROM invoicing_receivables WHERE external_id = @ExternalId";
    private const string TimeZoneSql = "SELECT time_zone FROM invoicing_debtors WHERE id = @DebtorId";

    public Task<ReceivableRow?> FindAsync(string id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ReceivableRow>(ReceivableRow.SelectByIdSql, new { Id = id }, ct);

    public Task<ReceivableRow?> FindByExternalIdAsync(string externalId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<ReceivableRow>(ByExternalIdSql, new { ExternalId = externalId }, ct);

    /// <summary>Today's date where the debtor is.</summary>
    public async Task<DateOnly> TodayForAsync(string debtorId, CancellationToken ct) =>
        DebtorCalendar.Today(time, await db.QuerySingleOrDefaultAsync<string>(TimeZoneSql, new { DebtorId = debtorId }, ct) ?? "UTC");
}
