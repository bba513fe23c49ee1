using MediatR;

namespace Collections.PaymentPlans.Contracts;

public static class PaymentPlanStatuses
{
    public const string Proposed = "proposed";
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Defaulted = "defaulted";
    public const string Cancelled = "cancelled";
    public const string Rejected = "rejected";
}

public sealed record PaymentPlanSummaryDto(
    string Id,
    string DebtorId,
    string Status,
    string Currency,
    long TotalMinor,
    long PaidMinor,
    IReadOnlyList<string> InvoiceIds,
    DateOnly? NextDueDate,
    DateTimeOffset CreatedAt,
    long? NextDueMinor = null);

/// <summary>Active plans (optionally of one debtor): dunning pauses their invoices.</summary>
public sealed record GetActivePlansQuery(string? DebtorId = null) : IRequest<IReadOnlyList<PaymentPlanSummaryDto>>;

/// <summary>Active plans of these debtors (one batch of a dunning run).</summary>
public sealed record GetActivePlansOfDebtorsQuery(IReadOnlyCollection<string> DebtorIds) : IRequest<IReadOnlyList<PaymentPlanSummaryDto>>;

/// <summary>Every plan of a debtor, newest first.</summary>
public sealed record GetPlansQuery(string DebtorId) : IRequest<IReadOnlyList<PaymentPlanSummaryDto>>;

public sealed record PaymentPlanActivated(string PaymentPlanId, string DebtorId, IReadOnlyList<string> InvoiceIds, long TotalMinor, string Currency, int InstallmentCount, DateTimeOffset At) : INotification;

/// <summary>DefaultsOn: the date the plan defaults if the installment is still unpaid (null from publishers that set none).</summary>
public sealed record PaymentPlanInstallmentLate(string PaymentPlanId, string DebtorId, int Number, DateOnly DueDate, long OutstandingMinor, string Currency, DateTimeOffset At, DateOnly? DefaultsOn = null) : INotification;

/// <summary>The plan broke (installments missed beyond its grace); its invoices return to normal dunning.</summary>
public sealed record PaymentPlanDefaulted(string PaymentPlanId, string DebtorId, IReadOnlyList<string> InvoiceIds, DateTimeOffset At) : INotification;

public sealed record PaymentPlanCompleted(string PaymentPlanId, string DebtorId, DateTimeOffset At) : INotification;

public sealed record PaymentPlanCancelled(string PaymentPlanId, string DebtorId, IReadOnlyList<string> InvoiceIds, string Reason, DateTimeOffset At) : INotification;
