using MediatR;

namespace Collections.Invoicing.Contracts;

public sealed record InvoiceCreated(
    string InvoiceId,
    string DebtorId,
    string ExternalId,
    string Number,
    string Currency,
    long TotalMinor,
    DateOnly IssueDate,
    DateOnly DueDate,
    DateTimeOffset At) : INotification;

/// <summary>
/// Published once per command, after the InvoiceCreated of every invoice it created (one for a PUT, up to a whole
/// batch for an import), in the same transaction and order. A module that can react to many invoices with set-based
/// work handles this one; a module handles either this or InvoiceCreated, never both, so no invoice counts twice.
/// </summary>
public sealed record InvoicesCreated(IReadOnlyList<InvoiceCreated> Invoices) : INotification;

/// <summary>Any change to an item's balance. Reason: allocation, reversal, credit_note, discount, write_off, void, late_fee, waiver, changed.</summary>
public sealed record InvoiceBalanceChanged(
    string ItemId,
    string Kind,
    string DebtorId,
    string ExternalId,
    string Currency,
    long PreviousBalanceMinor,
    long BalanceMinor,
    string Reason,
    string? SourceId,
    DateTimeOffset At) : INotification;

public sealed record CreditNoteIssued(CreditNoteDto CreditNote, string DebtorId, string InvoiceExternalId, DateTimeOffset At) : INotification;

public sealed record InvoiceWrittenOff(string ItemId, string DebtorId, string ExternalId, long AmountMinor, string Currency, string Reason, DateTimeOffset At) : INotification;

public sealed record LateFeeAssessed(string FeeId, string InvoiceId, string DebtorId, long AmountMinor, string Currency, DateOnly AssessedFor, DateTimeOffset At) : INotification;
