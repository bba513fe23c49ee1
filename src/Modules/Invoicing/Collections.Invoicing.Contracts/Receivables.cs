using Collections.SharedKernel.Mediation;
using MediatR;

namespace Collections.Invoicing.Contracts;

public static class ItemKinds
{
    public const string Invoice = "invoice";
    public const string LateFee = "late_fee";
}

public static class InvoiceStatuses
{
    public const string Open = "open";
    public const string Paid = "paid";
    public const string Void = "void";
    public const string WrittenOff = "written_off";
    public const string Waived = "waived";
}

/// <summary>An early-payment discount still available: pay total − discount by PayBy.</summary>
public sealed record EarlyPaymentDto(long DiscountMinor, DateOnly PayBy);

/// <summary>
/// A receivable item: an invoice or a late-fee charge that references one. Balances are minor units of Currency.
/// DisputedMinor is the part on hold under an open dispute; it is never collected or auto-allocated.
/// </summary>
public sealed record ReceivableDto(
    string Id,
    string Kind,
    string DebtorId,
    string ExternalId,
    string Number,
    string? PoNumber,
    string? InvoiceId,
    string Currency,
    DateOnly IssueDate,
    DateOnly DueDate,
    long TotalMinor,
    long BalanceMinor,
    long DisputedMinor,
    bool InPaymentPlan,
    bool Placed,
    string Status,
    EarlyPaymentDto? EarlyPayment)
{
    /// <summary>What may be collected now: the balance less the disputed part.</summary>
    public long CollectibleMinor => Math.Max(0, BalanceMinor - DisputedMinor);
}

/// <summary>A receivable by id (any status), or null.</summary>
/// <param name="AsOf">The day the figures are for (the early-payment offer, days overdue); default the debtor's today.</param>
public sealed record GetReceivableQuery(string ItemId, DateOnly? AsOf = null) : IRequest<ReceivableDto?>;

/// <summary>The open items (balance &gt; 0) of one debtor, oldest due date first.</summary>
/// <param name="AsOf">The day the early-payment offers are for (a payment's received date); default the debtor's today.</param>
public sealed record GetOpenItemsQuery(string DebtorId, DateOnly? AsOf = null) : IRequest<IReadOnlyList<ReceivableDto>>;

/// <summary>
/// Open items of any debtor in the currency whose number is one of these, compared without regard to case (a bank
/// statement line quoting invoice numbers); early-payment offers as of AsOf.
/// </summary>
public sealed record FindOpenItemsByNumberQuery(IReadOnlyCollection<string> Numbers, string Currency, DateOnly AsOf) : IRequest<IReadOnlyList<ReceivableDto>>;

/// <summary>
/// Open items of any debtor that exactly this amount settles on AsOf: their collectible balance, or their balance less an
/// early-payment discount still offered that day. Oldest due first.
/// </summary>
public sealed record FindOpenItemsPayableWithQuery(long AmountMinor, string Currency, DateOnly AsOf) : IRequest<IReadOnlyList<ReceivableDto>>;

/// <summary>What the ERP calls each item: its external id and number (a page of payments names its invoices so).</summary>
public sealed record ItemReferenceDto(string Id, string ExternalId, string Number);

/// <summary>The ERP's references of the given items, those that exist; not scoped by caller.</summary>
public sealed record GetItemReferencesQuery(IReadOnlyCollection<string> ItemIds) : IRequest<IReadOnlyList<ItemReferenceDto>>;

/// <summary>Every open item of every debtor (an insights rebuild). Ordered by debtor, then due date.</summary>
public sealed record GetAllOpenItemsQuery : IRequest<IReadOnlyList<ReceivableDto>>;

/// <summary>
/// The next <paramref name="Take"/> debtors, in id order after <paramref name="AfterDebtorId"/> ("" for the first), that have an
/// open invoice: how batch work (a dunning run) walks the book a batch of debtors at a time.
/// </summary>
public sealed record GetDebtorsWithOpenInvoicesQuery(string AfterDebtorId, int Take) : IRequest<IReadOnlyList<string>>;

/// <summary>The open items of these debtors, for one batch of batch work. Ordered by debtor, then due date.</summary>
public sealed record GetOpenItemsOfDebtorsQuery(IReadOnlyCollection<string> DebtorIds) : IRequest<IReadOnlyList<ReceivableDto>>;

public sealed record AllocationResult(string ItemId, long AppliedMinor, long DiscountMinor, long BalanceMinor);

/// <summary>
/// Applies money from a payment or account credit to an item (Source = "payment:pay_…" style). Refuses (422) if it
/// would exceed the balance or mix currencies. With TakeEarlyPaymentDiscount and an amount equal to
/// balance − discount on or before PayBy, the discount is recorded too and the item settles in full.
/// </summary>
public sealed record ApplyAllocationCommand(
    string ItemId,
    long AmountMinor,
    string Currency,
    string SourceType,
    string SourceId,
    DateOnly AppliedOn,
    bool TakeEarlyPaymentDiscount = false) : ICommand<AllocationResult>;

/// <summary>Reverses (part of) an earlier allocation from the same source, reopening the balance.</summary>
public sealed record ReverseAllocationCommand(
    string ItemId,
    long AmountMinor,
    string Currency,
    string SourceType,
    string SourceId,
    string Reason) : ICommand<AllocationResult>;

public sealed record CreditNoteDto(string Id, string InvoiceId, string Number, long AmountMinor, string Currency, string Reason, DateTimeOffset IssuedAt);

/// <summary>Issues a credit note against an invoice (never above its balance).</summary>
public sealed record IssueCreditNoteCommand(string InvoiceId, long AmountMinor, string Reason, string? SourceId = null) : ICommand<CreditNoteDto>;

/// <summary>Writes off the remaining balance of an item; it is then closed.</summary>
public sealed record WriteOffItemCommand(string ItemId, string Reason) : ICommand<AllocationResult>;

/// <summary>Sets the amount of an invoice that is on hold under an open dispute (0 when the dispute ends).</summary>
public sealed record SetDisputedAmountCommand(string InvoiceId, long DisputedMinor, string DisputeId) : ICommand<ReceivableDto>;

/// <summary>Marks items as inside (or no longer inside) an active payment plan: no late fees on them meanwhile.</summary>
public sealed record SetPaymentPlanCommand(IReadOnlyCollection<string> ItemIds, string? PaymentPlanId) : ICommand<int>;

/// <summary>Marks the debtor's open items as placed with an agency or lawyer (or not).</summary>
public sealed record SetPlacedCommand(string DebtorId, bool Placed, string Reference) : ICommand<int>;
