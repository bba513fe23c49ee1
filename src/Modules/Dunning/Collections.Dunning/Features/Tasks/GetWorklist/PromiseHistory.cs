using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;

namespace Collections.Dunning.Features.Tasks;

/// <summary>
/// A debtor's promises to pay as the worklist's talking points put them: how many were made, kept, broken or referred,
/// and the live ones.
/// </summary>
internal sealed class PromiseHistory(DbSession db)
{
    private const string ListSql = "SELECT " + PromiseRow.Columns + " FROM dunning_promises WHERE debtor_id = @DebtorId ORDER BY id";

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
        var referred = all.Count(p => p.Status == PromiseStatuses.Referred);
        var live = all.Where(p => p.Status == PromiseStatuses.Live).Select(p => $"live: {MessageComposer.Amount(p.AmountMinor, p.Currency)} by {MessageComposer.Date(p.PromisedDate)}");
        return [$"Promises to pay: {all.Count} made, {kept} kept, {broken} broken{(referred > 0 ? $", {referred} referred to a collector" : "")}{string.Concat(live.Select(l => "; " + l))}."];
    }
}
