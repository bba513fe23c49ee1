using Collections.Payments.Contracts;
using Collections.SharedKernel;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using MediatR;

namespace Collections.Webhooks.Features.Events;

/// <summary>Payments with their allocations by the ERP's invoice ids, failures, refunds and chargebacks.</summary>
internal sealed class PaymentEventsHandler(WebhookOutbox outbox, ErpReferences refs) :
    INotificationHandler<PaymentSucceeded>,
    INotificationHandler<PaymentFailed>,
    INotificationHandler<PaymentRefunded>,
    INotificationHandler<ChargebackOpened>
{
    public async Task Handle(PaymentSucceeded notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var allocations = new List<object>();
        foreach (var allocation in notification.Allocations)
        {
            var invoice = await refs.InvoiceAsync(allocation.ItemId, cancellationToken);
            allocations.Add(new
            {
                invoice.InvoiceId,
                invoice.ExternalId,
                invoice.Number,
                amount = MoneyDto.Of(allocation.AmountMinor, notification.Currency),
                discount = MoneyDto.Of(allocation.DiscountMinor, notification.Currency),
            });
        }

        await outbox.EnqueueAsync(WebhookEventTypes.PaymentSucceeded, new
        {
            paymentId = notification.PaymentId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            amount = MoneyDto.Of(notification.AmountMinor, notification.Currency),
            method = notification.Method,
            receivedOn = notification.ReceivedOn,
            allocations,
            unapplied = MoneyDto.Of(notification.UnappliedMinor, notification.Currency),
            paymentPlanId = notification.PaymentPlanId,
        }, cancellationToken);
    }

    public async Task Handle(PaymentFailed notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentFailed, new
        {
            attemptId = notification.AttemptId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            amount = MoneyDto.Of(notification.AmountMinor, notification.Currency),
            reason = notification.Reason,
            invoices = await refs.InvoicesAsync(notification.ItemIds, cancellationToken),
            failedAt = notification.At,
        }, cancellationToken);
    }

    public async Task Handle(PaymentRefunded notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentRefunded, new
        {
            refundId = notification.RefundId,
            paymentId = notification.PaymentId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            amount = MoneyDto.Of(notification.AmountMinor, notification.Currency),
            reason = notification.Reason,
            refundedAt = notification.At,
        }, cancellationToken);
    }

    public async Task Handle(ChargebackOpened notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentChargedBack, new
        {
            paymentId = notification.PaymentId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            amount = MoneyDto.Of(notification.AmountMinor, notification.Currency),
            reason = notification.Reason,
            openedAt = notification.At,
        }, cancellationToken);
    }
}
