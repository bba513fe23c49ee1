using Collections.Disputes.Contracts;
using Collections.SharedKernel;
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
        await outbox.EnqueueAsync(WebhookEventTypes.DisputeOpened, new
        {
            disputeId = notification.DisputeId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            invoiceId = invoice.InvoiceId,
            invoiceExternalId = invoice.ExternalId,
            invoiceNumber = invoice.Number,
            disputed = MoneyDto.Of(notification.DisputedMinor, notification.Currency),
            category = notification.Category,
            openedAt = notification.At,
        }, cancellationToken);
    }

    public async Task Handle(DisputeResolved notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoice = await refs.InvoiceAsync(notification.InvoiceId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.DisputeResolved, new
        {
            disputeId = notification.DisputeId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            invoiceId = invoice.InvoiceId,
            invoiceExternalId = invoice.ExternalId,
            invoiceNumber = invoice.Number,
            outcome = notification.Outcome,
            credited = MoneyDto.Of(notification.CreditedMinor, notification.Currency),
            resolvedAt = notification.At,
        }, cancellationToken);
    }

    public async Task Handle(DisputeWithdrawn notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoice = await refs.InvoiceAsync(notification.InvoiceId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.DisputeWithdrawn, new
        {
            disputeId = notification.DisputeId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            invoiceId = invoice.InvoiceId,
            invoiceExternalId = invoice.ExternalId,
            withdrawnAt = notification.At,
        }, cancellationToken);
    }
}
