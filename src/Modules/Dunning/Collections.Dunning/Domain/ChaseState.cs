using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Domain;

/// <summary>What of an open invoice may be chased, and when nothing may, why (a pause reason).</summary>
internal sealed record ChaseVerdict(string? PauseReason, long CollectibleMinor, long DisputedMinor)
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
    private readonly RunSnapshot snapshot;
    private readonly string? debtorPause;
    private readonly IReadOnlyList<PendingRow> pending;

    public ChaseState(RunSnapshot snapshot, string debtorId, DateOnly today, DateTimeOffset now, int pendingPaymentExpiryDays)
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
        var disputed = Math.Min(item.BalanceMinor, Math.Max(item.DisputedMinor, snapshot.DisputedByInvoice.GetValueOrDefault(item.Id)));
        var collectible = item.BalanceMinor - disputed;
        var reason = debtorPause
            ?? (item.Placed ? "placed" : null)
            ?? (item.InPaymentPlan || snapshot.PlannedInvoices.Contains(item.Id) ? "payment_plan" : null)
            ?? (pending.Any(p => IdList.Split(p.ItemIds).Contains(item.Id)) ? "payment_pending" : null)
            ?? (LivePromises.Any(p => p.Covers(item.Id)) ? "promise" : null)
            ?? (collectible <= 0 ? "dispute" : null);
        return new ChaseVerdict(reason, collectible, disputed);
    }
}
