using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel;
using Collections.Webhooks.Domain;

namespace Collections.Webhooks.Features.Events;

internal sealed record PaymentPlanActivatedPayload(
    string PaymentPlanId, string DebtorId, string? DebtorExternalId, IReadOnlyList<InvoiceRef> Invoices, MoneyDto Total, int InstallmentCount,
    DateTimeOffset ActivatedAt);

/// <summary>The plan broke; its invoices return to normal dunning.</summary>
internal sealed record PaymentPlanDefaultedPayload(
    string PaymentPlanId, string DebtorId, string? DebtorExternalId, IReadOnlyList<InvoiceRef> Invoices, DateTimeOffset DefaultedAt);

internal sealed record PaymentPlanCompletedPayload(string PaymentPlanId, string DebtorId, string? DebtorExternalId, DateTimeOffset CompletedAt);

/// <summary>The ERP contract for PaymentPlans' events: every payload is built here, from the notification and the ERP's ids.</summary>
internal static class PaymentPlanEventPayloads
{
    public static PaymentPlanActivatedPayload PaymentPlanActivated(PaymentPlanActivated notification, DebtorRef debtor, IReadOnlyList<InvoiceRef> invoices) =>
        new(notification.PaymentPlanId, debtor.DebtorId, debtor.DebtorExternalId, invoices, MoneyDto.Of(notification.TotalMinor, notification.Currency),
            notification.InstallmentCount, notification.At);

    public static PaymentPlanDefaultedPayload PaymentPlanDefaulted(PaymentPlanDefaulted notification, DebtorRef debtor, IReadOnlyList<InvoiceRef> invoices) =>
        new(notification.PaymentPlanId, debtor.DebtorId, debtor.DebtorExternalId, invoices, notification.At);

    public static PaymentPlanCompletedPayload PaymentPlanCompleted(PaymentPlanCompleted notification, DebtorRef debtor) =>
        new(notification.PaymentPlanId, debtor.DebtorId, debtor.DebtorExternalId, notification.At);
}
