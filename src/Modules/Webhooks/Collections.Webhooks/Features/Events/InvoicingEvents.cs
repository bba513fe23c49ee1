using Collections.Invoicing.Contracts;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using MediatR;

namespace Collections.Webhooks.Features.Events;

/// <summary>Invoices settled by payment or written off, and credit notes: what the ERP books back.</summary>
internal sealed class InvoicingEventsHandler(WebhookOutbox outbox, ErpReferences refs) :
    INotificationHandler<InvoiceBalanceChanged>,
    INotificationHandler<InvoiceWrittenOff>,
    INotificationHandler<CreditNoteIssued>
{
    public async Task Handle(InvoiceBalanceChanged notification, CancellationToken cancellationToken)
    {
        var settledByPayment = notification.Reason is "allocation" or "discount";
        if (notification.Kind != ItemKinds.Invoice || !settledByPayment || notification.BalanceMinor != 0 || notification.PreviousBalanceMinor <= 0)
        {
            return;
        }

        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        var invoice = await refs.InvoiceAsync(notification.ItemId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.InvoicePaid, InvoicingEventPayloads.InvoicePaid(notification, debtor, invoice), cancellationToken);
    }

    public async Task Handle(InvoiceWrittenOff notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.InvoiceWrittenOff, InvoicingEventPayloads.InvoiceWrittenOff(notification, debtor), cancellationToken);
    }

    public async Task Handle(CreditNoteIssued notification, CancellationToken cancellationToken)
    {
        var debtor = await refs.DebtorAsync(notification.DebtorId, cancellationToken);
        await outbox.EnqueueAsync(WebhookEventTypes.CreditNoteIssued, InvoicingEventPayloads.CreditNoteIssued(notification, debtor), cancellationToken);
    }
}
