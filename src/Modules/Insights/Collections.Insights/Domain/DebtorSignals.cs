using Collections.Insights.Contracts;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;
using Microsoft.Extensions.Options;

namespace Collections.Insights.Domain;

/// <summary>What the feed checks after a fact changed a debtor: event-driven alerts and the auto-segment band.</summary>
internal sealed class DebtorSignals(DbSession db, IMediator mediator, AlertBook alerts, RiskReader risk, IOptions<InsightsOptions> options, TimeProvider time)
{
    private const string DebtorBalanceSql = """
        SELECT COALESCE(SUM(balance_minor), 0) FROM insights_items WHERE debtor_id = @DebtorId AND currency = @Currency AND status = 'open'
        """;

    private const string DebtorBalancesSql = """
        SELECT debtor_id AS DebtorId, currency AS Currency, COALESCE(SUM(balance_minor), 0) AS BalanceMinor FROM insights_items
        WHERE debtor_id IN @DebtorIds AND status = 'open' GROUP BY debtor_id, currency
        """;

    private const string PaidSql = """
        SELECT id AS Id, due_date AS DueDate, paid_on AS PaidOn FROM insights_items
        WHERE debtor_id = @DebtorId AND kind = 'invoice' AND paid_on IS NOT NULL AND paid_on > @YearAgo
        """;

    private const string BandSql = "SELECT band FROM insights_debtor_bands WHERE debtor_id = @DebtorId";
    private const string DeleteBandSql = "DELETE FROM insights_debtor_bands WHERE debtor_id = @DebtorId";
    private const string InsertBandSql = "INSERT INTO insights_debtor_bands (debtor_id, band, score, updated_at) VALUES (@DebtorId, @Band, @Score, @Now)";

    /// <summary>Alerts when this change took the debtor's balance from within its credit limit to above it.</summary>
    public async Task CheckCreditLimitAsync(string debtorId, string itemId, string currency, long increaseMinor, CancellationToken ct)
    {
        if (increaseMinor <= 0 || await DebtorAsync(debtorId, ct) is not { CreditLimitMinor: > 0 } debtor || debtor.Currency != currency)
        {
            return;
        }

        var balance = await db.ExecuteScalarAsync<long>(DebtorBalanceSql, new { DebtorId = debtorId, Currency = currency }, ct);
        if (balance > debtor.CreditLimitMinor && balance - increaseMinor <= debtor.CreditLimitMinor)
        {
            await RaiseCreditLimitExceededAsync(debtor, itemId, balance, ct);
        }
    }

    /// <summary>
    /// CheckCreditLimitAsync for each of these items, in order, all just added to the read model together: the
    /// balance before them is read once per debtor, and each item's check sees it plus the items before it and itself,
    /// as if each had been added and checked on its own.
    /// </summary>
    public async Task CheckCreditLimitsAsync(IReadOnlyList<ItemRow> added, CancellationToken ct)
    {
        var limited = new Dictionary<string, DebtorDto>(StringComparer.Ordinal);
        var increased = added.Where(i => i.TotalMinor > 0).Select(i => i.DebtorId).Distinct(StringComparer.Ordinal).ToList();
        await LoadDebtorsAsync(increased, ct);
        foreach (var debtorId in increased)
        {
            if (await DebtorAsync(debtorId, ct) is { CreditLimitMinor: > 0 } debtor && added.Any(i => i.DebtorId == debtorId && i.Currency == debtor.Currency))
            {
                limited[debtorId] = debtor;
            }
        }

        if (limited.Count == 0)
        {
            return;
        }

        var balances = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ids in limited.Keys.Chunk(DbSession.IdsPerStatement))
        {
            foreach (var row in await db.QueryAsync<DebtorBalance>(DebtorBalancesSql, new { DebtorIds = ids }, ct))
            {
                if (limited[row.DebtorId].Currency == row.Currency)
                {
                    balances[row.DebtorId] = row.BalanceMinor;
                }
            }
        }

        // Back to the balance before these items, then forward one item at a time.
        foreach (var item in added.Where(i => i.Status == InvoiceStatuses.Open && limited.TryGetValue(i.DebtorId, out var d) && d.Currency == i.Currency))
        {
            balances[item.DebtorId] = balances.GetValueOrDefault(item.DebtorId) - item.BalanceMinor;
        }

        foreach (var item in added)
        {
            if (!limited.TryGetValue(item.DebtorId, out var debtor) || debtor.Currency != item.Currency)
            {
                continue;
            }

            var balance = item.Status == InvoiceStatuses.Open ? balances[item.DebtorId] += item.BalanceMinor : balances.GetValueOrDefault(item.DebtorId);
            if (item.TotalMinor > 0 && balance > debtor.CreditLimitMinor && balance - item.TotalMinor <= debtor.CreditLimitMinor)
            {
                await RaiseCreditLimitExceededAsync(debtor, item.Id, balance, ct);
            }
        }
    }

    private Task RaiseCreditLimitExceededAsync(DebtorDto debtor, string itemId, long balance, CancellationToken ct)
    {
        var c = Currency.Of(debtor.Currency);
        return alerts.RaiseAsync(AlertTypes.CreditLimitExceeded, FormattableString.Invariant($"{debtor.Id}:{itemId}"), debtor.Id,
            FormattableString.Invariant($"{debtor.Name} now owes {new Money(balance, c)}, above its credit limit of {new Money(debtor.CreditLimitMinor, c)}."), ct);
    }

    private sealed record DebtorBalance
    {
        public string DebtorId { get; init; } = "";
        public string Currency { get; init; } = "";
        public long BalanceMinor { get; init; }
    }

    // A batch import raises one check per invoice: the debtor (limit, currency, name) is read once per request scope,
    // in which nothing changes a debtor's credit terms after its items started to move.
    private readonly Dictionary<string, DebtorDto?> debtors = new(StringComparer.Ordinal);

    private async Task LoadDebtorsAsync(IReadOnlyCollection<string> debtorIds, CancellationToken ct)
    {
        var missing = debtorIds.Where(id => !debtors.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var id in missing)
        {
            debtors[id] = null;
        }

        foreach (var debtor in await mediator.Send(new GetDebtorsQuery(missing), ct))
        {
            debtors[debtor.Id] = debtor;
        }
    }

    private async Task<DebtorDto?> DebtorAsync(string debtorId, CancellationToken ct)
    {
        if (!debtors.TryGetValue(debtorId, out var debtor))
        {
            debtors[debtorId] = debtor = await mediator.Send(new GetDebtorQuery(debtorId), ct);
        }

        return debtor;
    }

    /// <summary>Alerts when paying this invoice made the last 3 paid invoices drift beyond the 12-month baseline.</summary>
    public async Task CheckLateDriftAsync(string debtorId, string paidItemId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var paid = await db.QueryAsync<PaidItem>(PaidSql, new { DebtorId = debtorId, YearAgo = today.AddYears(-1) }, ct);
        var deviation = options.Value.DeviationDays;
        var after = LateDrift.Measure(paid.Select(p => new PaidInvoice(p.DueDate, p.PaidOn!.Value)).ToList());
        var before = LateDrift.Measure(paid.Where(p => p.Id != paidItemId).Select(p => new PaidInvoice(p.DueDate, p.PaidOn!.Value)).ToList());
        if (after is { } now && now.Excess >= deviation && !(before is { } then && then.Excess >= deviation))
        {
            await alerts.RaiseAsync(AlertTypes.LateDrift, FormattableString.Invariant($"{debtorId}:{paidItemId}"), debtorId,
                FormattableString.Invariant($"The last 3 invoices were paid on average {now.Last3:0.0} days late against a 12-month baseline of {now.Baseline:0.0} days ({now.Excess:0.0} days worse)."), ct);
        }
    }

    public async Task RefreshBandAsync(string debtorId, CancellationToken ct)
    {
        if (!options.Value.AutoSegment)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (await risk.ForDebtorAsync(debtorId, DateOnly.FromDateTime(now.UtcDateTime), ct) is not { } scored)
        {
            return;
        }

        var previous = await db.QuerySingleOrDefaultAsync<string>(BandSql, new { DebtorId = debtorId }, ct) ?? RiskBands.Low;
        await db.ExecuteAsync(DeleteBandSql, new { DebtorId = debtorId }, ct);
        await db.ExecuteAsync(InsertBandSql, new { DebtorId = debtorId, scored.Risk.Band, scored.Risk.Score, Now = now }, ct);
        if ((previous == RiskBands.High) != (scored.Risk.Band == RiskBands.High))
        {
            await mediator.Publish(new DebtorRiskChanged(debtorId, previous, scored.Risk.Band, scored.Risk.Score, now), ct);
        }
    }

    private sealed record PaidItem
    {
        public string Id { get; init; } = "";
        public DateOnly DueDate { get; init; }
        public DateOnly? PaidOn { get; init; }
    }
}

internal readonly record struct LateDriftMeasure(decimal Last3, decimal Baseline, decimal Excess);

/// <summary>
/// Average days late of the 3 most recently paid invoices against the baseline: the average of the other invoices
/// paid in the same 12 months. Needs 3 recent and at least 1 baseline invoice.
/// </summary>
internal static class LateDrift
{
    public static LateDriftMeasure? Measure(IReadOnlyList<PaidInvoice> paidLast12Months)
    {
        var newestFirst = paidLast12Months.OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.DueDate).ToList();
        if (newestFirst.Count < 4)
        {
            return null;
        }

        var last3 = CollectionFormulas.Round1(newestFirst.Take(3).Average(p => (decimal)p.DaysLate));
        var baseline = CollectionFormulas.Round1(newestFirst.Skip(3).Average(p => (decimal)p.DaysLate));
        return new LateDriftMeasure(last3, baseline, last3 - baseline);
    }
}
