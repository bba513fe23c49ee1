using Collections.Dunning.Contracts;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using MediatR;

namespace Collections.Webhooks.Features.Events;

internal sealed class DunningEventsHandler(WebhookOutbox outbox, ErpReferences refs) :
    INotificationHandler<PromiseToPayBroken>,
    INotificationHandler<DebtorEscalated>
{
    public async Task Handle(PromiseToPayBroken notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PromiseBroken, DunningEventPayloads.PromiseBroken(notification, debtor), cancellationToken);
    }

    public async Task Handle(DebtorEscalated notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.DebtorEscalated, DunningEventPayloads.DebtorEscalated(notification, debtor), cancellationToken);
    }
}
