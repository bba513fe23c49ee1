using Collections.Disputes.Contracts;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using MediatR;

namespace Collections.Webhooks.Features.Events;

internal sealed class DisputeEventsHandler(WebhookOutbox outbox, ErpReferences refs) :
    INotificationHandler<DisputeOpened>,
    INotificationHandler<DisputeResolved>,
    INotificationHandler<DisputeWithdrawn>
{
    public async Task Handle(DisputeOpened notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoice = await refs.InvoiceAsync(notification.InvoiceId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.DisputeOpened, DisputeEventPayloads.DisputeOpened(notification, debtor, invoice), cancellationToken);
    }

    public async Task Handle(DisputeResolved notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoice = await refs.InvoiceAsync(notification.InvoiceId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.DisputeResolved, DisputeEventPayloads.DisputeResolved(notification, debtor, invoice), cancellationToken);
    }

    public async Task Handle(DisputeWithdrawn notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoice = await refs.InvoiceAsync(notification.InvoiceId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.DisputeWithdrawn, DisputeEventPayloads.DisputeWithdrawn(notification, debtor, invoice), cancellationToken);
    }
}
