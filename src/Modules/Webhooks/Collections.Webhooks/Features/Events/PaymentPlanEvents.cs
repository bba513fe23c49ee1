using Collections.PaymentPlans.Contracts;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using MediatR;

namespace Collections.Webhooks.Features.Events;

internal sealed class PaymentPlanEventsHandler(WebhookOutbox outbox, ErpReferences refs) :
    INotificationHandler<PaymentPlanActivated>,
    INotificationHandler<PaymentPlanDefaulted>,
    INotificationHandler<PaymentPlanCompleted>
{
    public async Task Handle(PaymentPlanActivated notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoices = await refs.InvoicesAsync(notification.InvoiceIds, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentPlanActivated, PaymentPlanEventPayloads.PaymentPlanActivated(notification, debtor, invoices), cancellationToken);
    }

    public async Task Handle(PaymentPlanDefaulted notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoices = await refs.InvoicesAsync(notification.InvoiceIds, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentPlanDefaulted, PaymentPlanEventPayloads.PaymentPlanDefaulted(notification, debtor, invoices), cancellationToken);
    }

    public async Task Handle(PaymentPlanCompleted notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentPlanCompleted, PaymentPlanEventPayloads.PaymentPlanCompleted(notification, debtor), cancellationToken);
    }
}
