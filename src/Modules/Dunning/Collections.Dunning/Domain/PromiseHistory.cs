using Collections.SharedKernel.Data;

namespace Collections.Dunning.Domain;

internal sealed class PromiseHistory(DbSession db)
{
    private const string ListSql = """
        SELECT id AS Id, debtor_id AS DebtorId, amount_minor AS AmountMinor, currency AS Currency, promised_date AS PromisedDate, live_until AS LiveUntil,
               invoice_ids AS InvoiceIds, paid_minor AS PaidMinor, status AS Status, created_by AS CreatedBy, created_at AS CreatedAt, closed_at AS ClosedAt
        FROM dunning_promises WHERE debtor_id = @DebtorId ORDER BY id
        """;

    public Task<IReadOnlyList<PromiseRow>> ListAsync(string debtorId, CancellationToken ct) => db.QueryAsync<PromiseRow>(ListSql, new { DebtorId = debtorId }, ct);

    public async Task<IReadOnlyList<string>> SummaryAsync(string debtorId, CancellationToken ct)
    {
        var all = await ListAsync(debtorId, ct);
        if (all.Count == 0)
        {
            return [];
        }

        var kept = all.Count(p => p.Status == PromiseStatuses.Kept);
        var broken = all.Count(p => p.Status == PromiseStatuses.Broken);
        var live = all.Where(p => p.Status == PromiseStatuses.Live).Select(p => $"live: {MessageComposer.Amount(p.AmountMinor, p.Currency)} by {MessageComposer.Date(p.PromisedDate)}");
        return [$"Promises to pay: {all.Count} made, {kept} kept, {broken} broken{string.Concat(live.Select(l => "; " + l))}."];
    }
}
