using Collections.Dunning.Contracts;
using Collections.SharedKernel;
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
        await outbox.EnqueueAsync(WebhookEventTypes.PromiseBroken, new
        {
            promiseId = notification.PromiseId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            shortfall = MoneyDto.Of(notification.ShortMinor, notification.Currency),
            brokenAt = notification.At,
        }, cancellationToken);
    }

    public async Task Handle(DebtorEscalated notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.DebtorEscalated, new
        {
            escalationId = notification.EscalationId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            action = notification.Action,
            reason = notification.Reason,
            by = notification.By,
            escalatedAt = notification.At,
        }, cancellationToken);
    }
}
