using Collections.Payments.Contracts;
using Collections.SharedKernel;
using Collections.Webhooks.Domain;

namespace Collections.Webhooks.Features.Events;

/// <summary>One invoice a payment went to, by the ERP's ids; the discount is the early-payment discount taken.</summary>
internal sealed record PaymentAllocationPayload(string InvoiceId, string? ExternalId, string? Number, MoneyDto Amount, MoneyDto Discount);

internal sealed record PaymentSucceededPayload(
    string PaymentId, string DebtorId, string? DebtorExternalId, MoneyDto Amount, string Method, DateOnly ReceivedOn,
    IReadOnlyList<PaymentAllocationPayload> Allocations, MoneyDto Unapplied, string? PaymentPlanId);

internal sealed record PaymentFailedPayload(
    string AttemptId, string DebtorId, string? DebtorExternalId, MoneyDto Amount, string Reason, IReadOnlyList<InvoiceRef> Invoices, DateTimeOffset FailedAt);

internal sealed record PaymentRefundedPayload(
    string RefundId, string PaymentId, string DebtorId, string? DebtorExternalId, MoneyDto Amount, string Reason, DateTimeOffset RefundedAt);

internal sealed record PaymentChargedBackPayload(
    string PaymentId, string DebtorId, string? DebtorExternalId, MoneyDto Amount, string Reason, DateTimeOffset OpenedAt);

/// <summary>Outcome "won" (Reapplied of Amount paid open invoices again; the rest is credit) or "lost" (the reversal stands).</summary>
internal sealed record ChargebackClosedPayload(
    string PaymentId, string DebtorId, string? DebtorExternalId, MoneyDto Amount, string Outcome, MoneyDto Reapplied, DateTimeOffset ClosedAt);

/// <summary>The ERP contract for Payments' events: every payload is built here, from the notification and the ERP's ids.</summary>
internal static class PaymentEventPayloads
{
    /// <param name="invoices">The ERP's ids of each allocation's item, in the order of the allocations.</param>
    public static PaymentSucceededPayload PaymentSucceeded(PaymentSucceeded notification, DebtorRef debtor, IReadOnlyList<InvoiceRef> invoices)
    {
        var allocations = notification.Allocations
            .Select((allocation, i) => new PaymentAllocationPayload(invoices[i].InvoiceId, invoices[i].ExternalId, invoices[i].Number,
                MoneyDto.Of(allocation.AmountMinor, notification.Currency), MoneyDto.Of(allocation.DiscountMinor, notification.Currency)))
            .ToList();
        return new(notification.PaymentId, debtor.DebtorId, debtor.DebtorExternalId, MoneyDto.Of(notification.AmountMinor, notification.Currency),
            notification.Method, notification.ReceivedOn, allocations, MoneyDto.Of(notification.UnappliedMinor, notification.Currency), notification.PaymentPlanId);
    }

    public static PaymentFailedPayload PaymentFailed(PaymentFailed notification, DebtorRef debtor, IReadOnlyList<InvoiceRef> invoices) =>
        new(notification.AttemptId, debtor.DebtorId, debtor.DebtorExternalId, MoneyDto.Of(notification.AmountMinor, notification.Currency),
            notification.Reason, invoices, notification.At);

    public static PaymentRefundedPayload PaymentRefunded(PaymentRefunded notification, DebtorRef debtor) =>
        new(notification.RefundId, notification.PaymentId, debtor.DebtorId, debtor.DebtorExternalId,
            MoneyDto.Of(notification.AmountMinor, notification.Currency), notification.Reason, notification.At);

    public static PaymentChargedBackPayload PaymentChargedBack(ChargebackOpened notification, DebtorRef debtor) =>
        new(notification.PaymentId, debtor.DebtorId, debtor.DebtorExternalId, MoneyDto.Of(notification.AmountMinor, notification.Currency),
            notification.Reason, notification.At);

    public static ChargebackClosedPayload ChargebackClosed(ChargebackClosed notification, DebtorRef debtor) =>
        new(notification.PaymentId, debtor.DebtorId, debtor.DebtorExternalId, MoneyDto.Of(notification.AmountMinor, notification.Currency),
            notification.Won ? "won" : "lost", MoneyDto.Of(notification.ReappliedMinor, notification.Currency), notification.At);
}
