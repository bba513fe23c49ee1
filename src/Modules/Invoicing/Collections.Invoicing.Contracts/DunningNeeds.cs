using MediatR;

namespace Collections.Invoicing.Contracts;

/// <summary>One row of a receivable's ledger (charges, payments, credit notes, write-offs, fees) with the balance after it.</summary>
public sealed record LedgerEntryDto(
    string Id,
    string ItemId,
    string ItemNumber,
    string EntryType,
    long AmountMinor,
    string Currency,
    long BalanceAfterMinor,
    string? SourceType,
    string? SourceId,
    string? Reason,
    DateOnly EffectiveDate,
    DateTimeOffset RecordedAt);

/// <summary>Every ledger entry of the debtor's items, oldest first (for a case file handed to an agency or lawyer).</summary>
public sealed record GetLedgerEntriesQuery(string DebtorId) : IRequest<IReadOnlyList<LedgerEntryDto>>;

/// <summary>The payment terms an invoice was issued on (all null on a late-fee item).</summary>
public sealed record InvoiceTermsDto(int? NetDays, decimal? EarlyPaymentDiscountPercent, int? EarlyPaymentDiscountDays);

/// <summary>An item in any status (open, paid, void, written off) with its terms.</summary>
public sealed record InvoiceRecordDto(ReceivableDto Item, InvoiceTermsDto Terms);

/// <summary>Every invoice and fee of the debtor, whatever its status, oldest issue date first (for a case file).</summary>
public sealed record GetDebtorItemsQuery(string DebtorId) : IRequest<IReadOnlyList<InvoiceRecordDto>>;

/// <summary>One entry for <see cref="RecordActivitiesCommand"/>.</summary>
public sealed record ActivityToRecord(string DebtorId, string Type, string Summary, string? InvoiceId = null, string? DetailsJson = null);

/// <summary>Appends many activity-log entries in one batch (same rows as <see cref="RecordActivityCommand"/>); returns their ids in order.</summary>
public sealed record RecordActivitiesCommand(IReadOnlyList<ActivityToRecord> Entries) : Collections.SharedKernel.Mediation.ICommand<IReadOnlyList<string>>;
