using Collections.Insights.Contracts;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;
using Microsoft.Extensions.Options;

namespace Collections.Insights.Domain;

/// <summary>What the feed checks after a fact changed a debtor: event-driven alerts and the auto-segment band.</summary>
internal sealed class DebtorSignals(
    DbSession db, IMediator mediator, AlertBook alerts, RiskReader risk, IndicativeRates rates, IOptions<InsightsOptions> options, TimeProvider time)
{
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

    /// <summary>
    /// Alerts when this change took the debtor's whole exposure, every open currency converted into the credit
    /// limit's currency at the indicative rates, from within its credit limit to above it; a change in a currency
    /// that cannot be converted is named in an alert of its own instead (once per debtor and currency).
    /// </summary>
    public async Task CheckCreditLimitAsync(string debtorId, string itemId, string currency, long increaseMinor, CancellationToken ct)
    {
        if (increaseMinor <= 0 || await DebtorAsync(debtorId, ct) is not { CreditLimitMinor: > 0 } debtor)
        {
            return;
        }

        var balances = (await db.QueryAsync<DebtorBalance>(DebtorBalancesSql, new { DebtorIds = new[] { debtorId } }, ct))
            .ToDictionary(b => b.Currency, b => b.BalanceMinor, StringComparer.Ordinal);
        await CheckCrossingAsync(debtor, itemId, currency, increaseMinor, balances, ct);
    }

    /// <summary>
    /// CheckCreditLimitAsync for each of these items, in order, all just added to the read model together: the
    /// balances before them are read once per debtor, and each item's check sees them plus the items before it and
    /// itself, as if each had been added and checked on its own.
    /// </summary>
    public async Task CheckCreditLimitsAsync(IReadOnlyList<ItemRow> added, CancellationToken ct)
    {
        var limited = new Dictionary<string, DebtorDto>(StringComparer.Ordinal);
        var increased = added.Where(i => i.TotalMinor > 0).Select(i => i.DebtorId).Distinct(StringComparer.Ordinal).ToList();
        await LoadDebtorsAsync(increased, ct);
        foreach (var debtorId in increased)
        {
            if (await DebtorAsync(debtorId, ct) is { CreditLimitMinor: > 0 } debtor)
            {
                limited[debtorId] = debtor;
            }
        }

        if (limited.Count == 0)
        {
            return;
        }

        var balances = limited.Keys.ToDictionary(id => id, _ => new Dictionary<string, long>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var ids in limited.Keys.Chunk(DbSession.IdsPerStatement))
        {
            foreach (var row in await db.QueryAsync<DebtorBalance>(DebtorBalancesSql, new { DebtorIds = ids }, ct))
            {
                balances[row.DebtorId][row.Currency] = row.BalanceMinor;
            }
        }

        // Back to the balances before these items, then forward one item at a time.
        foreach (var item in added.Where(i => i.Status == InvoiceStatuses.Open && limited.ContainsKey(i.DebtorId)))
        {
            var mine = balances[item.DebtorId];
            mine[item.Currency] = mine.GetValueOrDefault(item.Currency) - item.BalanceMinor;
        }

        foreach (var item in added)
        {
            if (!limited.TryGetValue(item.DebtorId, out var debtor))
            {
                continue;
            }

            var mine = balances[item.DebtorId];
            if (item.Status == InvoiceStatuses.Open)
            {
                mine[item.Currency] = mine.GetValueOrDefault(item.Currency) + item.BalanceMinor;
            }

            if (item.TotalMinor > 0)
            {
                await CheckCrossingAsync(debtor, item.Id, item.Currency, item.TotalMinor, mine, ct);
            }
        }
    }

    /// <summary>Compares the exposure after the increase and before it (the same balances less the increase) with the limit.</summary>
    private async Task CheckCrossingAsync(DebtorDto debtor, string itemId, string currency, long increaseMinor, IReadOnlyDictionary<string, long> balancesAfter, CancellationToken ct)
    {
        var limit = new Money(debtor.CreditLimitMinor, Currency.Of(debtor.Currency));
        var after = Exposure.Of(balancesAfter.Select(b => new Money(b.Value, Currency.Of(b.Key))), limit.Currency, rates);
        var changed = new Money(balancesAfter.GetValueOrDefault(currency), Currency.Of(currency));
        if (after.NotConverted.Any(m => m.Currency == changed.Currency))
        {
            await alerts.RaiseAsync(AlertTypes.CreditLimitUnchecked, FormattableString.Invariant($"{debtor.Id}:{changed.Currency.Code}"), debtor.Id,
                FormattableString.Invariant($"{debtor.Name} owes {changed}, which cannot be compared with its credit limit of {limit}: there is no indicative rate for {RatesMissingFor(changed.Currency, limit.Currency)} ({IndicativeRates.RatesSection})."), ct);
            return;
        }

        var before = Exposure.Of(balancesAfter.Select(b => new Money(b.Key == currency ? b.Value - increaseMinor : b.Value, Currency.Of(b.Key))), limit.Currency, rates);
        if (after.ConvertedMinor > limit.Minor && before.ConvertedMinor <= limit.Minor)
        {
            await RaiseCreditLimitExceededAsync(debtor, itemId, after, limit, ct);
        }
    }

    private string RatesMissingFor(params Currency[] currencies) =>
        string.Join(" and ", currencies.Where(c => rates.RateOf(c.Code) is null).Select(c => c.Code).Distinct(StringComparer.Ordinal));

    private Task RaiseCreditLimitExceededAsync(DebtorDto debtor, string itemId, Exposure exposure, Money limit, CancellationToken ct)
    {
        var owes = exposure.IsIndicative
            ? FormattableString.Invariant($"{exposure.Total} at indicative rates ({Exposure.Named(exposure.Converted)})")
            : exposure.Total.ToString();
        var notCompared = exposure.NotConverted.Count == 0
            ? ""
            : FormattableString.Invariant($" Not compared, for want of an indicative rate: {Exposure.Named(exposure.NotConverted)}.");
        return alerts.RaiseAsync(AlertTypes.CreditLimitExceeded, FormattableString.Invariant($"{debtor.Id}:{itemId}"), debtor.Id,
            FormattableString.Invariant($"{debtor.Name} now owes {owes}, above its credit limit of {limit}.{notCompared}"), ct);
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
