using MediatR;

namespace Collections.Payments.Contracts;

/// <summary>An online payment was started (checkout opened, bank debit submitted) and has not settled yet.</summary>
public sealed record PaymentPending(string AttemptId, string DebtorId, long AmountMinor, string Currency, string Method, IReadOnlyList<string> ItemIds, DateTimeOffset At) : INotification;

/// <summary>
/// Money arrived and was allocated; anything not allocated became account credit (UnappliedMinor). AttemptId names the
/// online payment attempt (the one <see cref="PaymentPending"/> announced) it settled; null for payments recorded by the ERP or staff.
/// </summary>
public sealed record PaymentSucceeded(
    string PaymentId,
    string DebtorId,
    long AmountMinor,
    string Currency,
    string Method,
    DateOnly ReceivedOn,
    IReadOnlyList<PaymentAllocationDto> Allocations,
    long UnappliedMinor,
    string? PaymentPlanId,
    DateTimeOffset At,
    string? AttemptId = null) : INotification;

/// <summary>An online payment attempt failed or expired; nothing was allocated.</summary>
public sealed record PaymentFailed(string AttemptId, string DebtorId, long AmountMinor, string Currency, string Reason, IReadOnlyList<string> ItemIds, DateTimeOffset At) : INotification;

public sealed record PaymentRefunded(string RefundId, string PaymentId, string DebtorId, long AmountMinor, string Currency, string Reason, DateTimeOffset At) : INotification;

/// <summary>The payer's bank disputed a card or debit payment; its allocations were reversed.</summary>
public sealed record ChargebackOpened(string PaymentId, string DebtorId, long AmountMinor, string Currency, string Reason, DateTimeOffset At) : INotification;

/// <summary>
/// The bank decided the payer's dispute. Won: the amount came back and ReappliedMinor of it paid open items again. Lost:
/// the reversal stands and the invoices it reopened are chased again.
/// </summary>
public sealed record ChargebackClosed(string PaymentId, string DebtorId, long AmountMinor, string Currency, bool Won, long ReappliedMinor, DateOnly PaymentReceivedOn, DateTimeOffset At)
    : INotification;
