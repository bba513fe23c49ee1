using MediatR;

namespace Collections.PaymentPlans.Contracts;

/// <summary>What is still owed on a plan's next unpaid installment, and the plan's invoices it pays down (in due order).</summary>
public sealed record InstallmentDueDto(
    string PaymentPlanId,
    string DebtorId,
    int Number,
    DateOnly DueDate,
    long AmountMinor,
    string Currency,
    IReadOnlyList<string> InvoiceIds);

/// <summary>The next unpaid installment of an active plan, or null when there is none (Payments uses it for checkout).</summary>
public sealed record GetNextInstallmentQuery(string PaymentPlanId) : IRequest<InstallmentDueDto?>;
