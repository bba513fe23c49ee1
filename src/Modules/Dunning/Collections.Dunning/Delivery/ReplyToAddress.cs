using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Delivery;

/// <summary>Where a debtor's answer to an e-mail goes: the one place that chooses it.</summary>
internal sealed class ReplyToAddress(DunningOptions options)
{
    /// <summary>
    /// The accounts-receivable mailbox (`Dunning:ReplyTo`), or null (replies go to `Smtp:From`). Debtors have no assigned
    /// collector yet (staff identities are to come): when they do, that collector's mailbox is chosen here, before the shared one.
    /// </summary>
    public string? For(DebtorDto debtor) => string.IsNullOrWhiteSpace(options.ReplyTo) ? null : options.ReplyTo.Trim();
}
