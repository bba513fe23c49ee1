using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel;
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
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentPlanActivated, new
        {
            paymentPlanId = notification.PaymentPlanId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            invoices = await refs.InvoicesAsync(notification.InvoiceIds, cancellationToken),
            total = MoneyDto.Of(notification.TotalMinor, notification.Currency),
            installmentCount = notification.InstallmentCount,
            activatedAt = notification.At,
        }, cancellationToken);
    }

    public async Task Handle(PaymentPlanDefaulted notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentPlanDefaulted, new
        {
            paymentPlanId = notification.PaymentPlanId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            invoices = await refs.InvoicesAsync(notification.InvoiceIds, cancellationToken),
            defaultedAt = notification.At,
        }, cancellationToken);
    }

    public async Task Handle(PaymentPlanCompleted notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.PaymentPlanCompleted, new
        {
            paymentPlanId = notification.PaymentPlanId,
            debtor.DebtorId,
            debtor.DebtorExternalId,
            completedAt = notification.At,
        }, cancellationToken);
    }
}
