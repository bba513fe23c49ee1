using MediatR;

namespace Collections.Payments.Contracts;

public static class PaymentMethods
{
    public const string BankTransfer = "bank_transfer";
    public const string Card = "card";
    public const string BankDebit = "bank_debit";
    public const string Cheque = "cheque";
    public const string Cash = "cash";
    public const string Other = "other";
}

/// <summary>Money of one payment applied to one receivable item.</summary>
public sealed record PaymentAllocationDto(string ItemId, long AmountMinor, long DiscountMinor);

/// <summary>Account credit of a debtor not yet applied to any item, per currency.</summary>
public sealed record UnappliedCreditDto(string Currency, long AmountMinor);

public sealed record PaymentSummaryDto(
    string Id,
    string DebtorId,
    string Currency,
    long AmountMinor,
    long UnappliedMinor,
    long RefundedMinor,
    string Method,
    string Status,
    DateOnly ReceivedOn,
    DateTimeOffset RecordedAt,
    IReadOnlyList<PaymentAllocationDto> Allocations);

/// <summary>The debtor's unapplied account credit, one entry per currency with a positive amount.</summary>
public sealed record GetUnappliedCreditQuery(string DebtorId) : IRequest<IReadOnlyList<UnappliedCreditDto>>;

/// <summary>Settled payments (optionally of one debtor, received on or after From), oldest first.</summary>
public sealed record GetPaymentsQuery(string? DebtorId = null, DateOnly? From = null) : IRequest<IReadOnlyList<PaymentSummaryDto>>;

/// <summary>
/// The debtor's structured creditor reference (ISO 11649, "RF18…") to quote on a bank transfer, issued on first use;
/// a bank statement line carrying it is matched to the debtor.
/// </summary>
public sealed record GetPaymentReferenceCommand(string DebtorId) : Collections.SharedKernel.Mediation.ICommand<string>;
