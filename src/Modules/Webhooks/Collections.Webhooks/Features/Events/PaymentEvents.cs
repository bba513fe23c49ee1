using Collections.Payments.Contracts;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using MediatR;

namespace Collections.Webhooks.Features.Events;

/// <summary>Payments with their allocations by the ERP's invoice ids, failures, refunds and chargebacks.</summary>
internal sealed class PaymentEventsHandler(WebhookOutbox outbox, ErpReferences refs) :
    INotificationHandler<PaymentSucceeded>,
    INotificationHandler<PaymentFailed>,
    INotificationHandler<PaymentRefunded>,
    INotificationHandler<ChargebackOpened>,
    INotificationHandler<ChargebackClosed>
{
    public async Task Handle(PaymentSucceeded notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoices = await refs.InvoicesAsync(notification.Allocations.Select(a => a.ItemId), cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentSucceeded, PaymentEventPayloads.PaymentSucceeded(notification, debtor, invoices), cancellationToken);
    }

    public async Task Handle(PaymentFailed notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoices = await refs.InvoicesAsync(notification.ItemIds, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentFailed, PaymentEventPayloads.PaymentFailed(notification, debtor, invoices), cancellationToken);
    }

    public async Task Handle(PaymentRefunded notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentRefunded, PaymentEventPayloads.PaymentRefunded(notification, debtor), cancellationToken);
    }

    public async Task Handle(ChargebackOpened notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentChargedBack, PaymentEventPayloads.PaymentChargedBack(notification, debtor), cancellationToken);
    }

    public async Task Handle(ChargebackClosed notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.ChargebackClosed, PaymentEventPayloads.ChargebackClosed(notification, debtor), cancellationToken);
    }
}
