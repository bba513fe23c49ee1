using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Domain;

/// <summary>
/// What of an open invoice may be chased, and when nothing may, why (a pause reason). PromisedMinor is the part covered
/// by a live promise (until PromisedBy), left out of what is asked for.
/// </summary>
internal sealed record ChaseVerdict(string? PauseReason, long CollectibleMinor, long DisputedMinor, long PromisedMinor = 0, DateOnly? PromisedBy = null)
{
    public bool Chased => PauseReason is null;
}

/// <summary>
/// A debtor's pauses on one day — do-not-contact, hold, agency placement, plans, payments in flight, live promises,
/// disputes. A run asks it which invoices to chase; a message about to leave asks it again, so the answer is the same
/// rule at both moments.
/// </summary>
internal sealed class ChaseState
{
    private readonly ChaseSnapshot snapshot;
    private readonly string? debtorPause;
    private readonly IReadOnlyList<PendingRow> pending;
    private Dictionary<string, (long Minor, DateOnly By)>? promised;

    public ChaseState(ChaseSnapshot snapshot, string debtorId, DateOnly today, DateTimeOffset now, int pendingPaymentExpiryDays)
    {
        this.snapshot = snapshot;
        Settings = snapshot.Settings.GetValueOrDefault(debtorId);
        debtorPause = Settings is { DoNotContact: true } ? "do_not_contact"
            : Settings?.HoldUntil is { } until && until >= today ? "hold" : null;
        var promises = snapshot.LivePromises[debtorId].ToList();
        LivePromises = promises.Where(p => p.LiveUntil >= today).ToList();
        BrokenPromises = promises.Where(p => p.LiveUntil < today).ToList();
        pending = snapshot.Pending[debtorId].Where(p => p.CreatedAt.AddDays(pendingPaymentExpiryDays) > now).ToList();
    }

    public SettingsRow? Settings { get; }

    public IReadOnlyList<PromiseRow> LivePromises { get; }

    /// <summary>Promises still marked live whose date has passed: the run breaks them.</summary>
    public IReadOnlyList<PromiseRow> BrokenPromises { get; }

    public ChaseVerdict Judge(ReceivableDto item)
    {
        var disputed = Disputed(item);
        var collectible = item.BalanceMinor - disputed;
        var promise = LivePromises.FirstOrDefault(p => p.InvoiceIds.Length == 0) is { } whole
            ? (Minor: collectible, By: whole.PromisedDate)
            : Promised().GetValueOrDefault(item.Id);
        var promisedPart = Math.Min(collectible, promise.Minor);
        var reason = debtorPause
            ?? (item.Placed ? "placed" : null)
            ?? (item.InPaymentPlan || snapshot.PlannedInvoices.Contains(item.Id) ? "payment_plan" : null)
            ?? (pending.Any(p => IdList.Split(p.ItemIds).Contains(item.Id)) ? "payment_pending" : null)
            ?? (collectible <= 0 ? "dispute" : null)
            ?? (promisedPart >= collectible ? "promise" : null);
        return new ChaseVerdict(reason, collectible - promisedPart, disputed, promisedPart, promisedPart > 0 ? promise.By : null);
    }

    private long Disputed(ReceivableDto item) =>
        Math.Min(item.BalanceMinor, Math.Max(item.DisputedMinor, snapshot.DisputedByInvoice.GetValueOrDefault(item.Id)));

    /// <summary>
    /// What each live promise has not yet paid onto its invoices, spread over them oldest due first, up to what may be
    /// collected of each: a promise of 300 over invoices of 200 and 500 pauses the first wholly and 100 of the second;
    /// once 200 is paid onto the first, it pauses 100 of the second.
    /// </summary>
    private Dictionary<string, (long Minor, DateOnly By)> Promised()
    {
        if (promised is not null)
        {
            return promised;
        }

        promised = new Dictionary<string, (long, DateOnly)>(StringComparer.Ordinal);
        foreach (var promise in LivePromises.Where(p => p.InvoiceIds.Length > 0))
        {
            var left = promise.AmountMinor - promise.AppliedMinor;
            var items = IdList.Split(promise.InvoiceIds).Select(id => snapshot.InvoicesById.GetValueOrDefault(id)).OfType<ReceivableDto>()
                .OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal);
            foreach (var item in items)
            {
                var take = Math.Min(left, item.BalanceMinor - Disputed(item));
                left -= take;
                var before = promised.GetValueOrDefault(item.Id);
                promised[item.Id] = (before.Minor + take, promise.PromisedDate);
            }
        }

        return promised;
    }
}
