using Collections.Disputes.Contracts;
using Collections.Dunning.Contracts;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using MediatR;

namespace Collections.Dunning.Features.Events;

/// <summary>
/// Whatever the debtor or staff did to its invoices, a reminder or letter that has not left yet is checked again in the
/// same transaction: withdrawn when nothing it asks for is still owed, recomposed for the rest otherwise. Payments are
/// checked where they pause or unpause items (<see cref="PaymentPendingHandler"/>, <see cref="PaymentSucceededHandler"/>),
/// holds by the hold command, and the dispatcher checks once more as it claims each e-mail.
/// </summary>
internal sealed class WithdrawStaleMessages(MessageRecheck recheck) :
    INotificationHandler<CreditNoteIssued>,
    INotificationHandler<InvoiceWrittenOff>,
    INotificationHandler<DisputeOpened>,
    INotificationHandler<PaymentPlanActivated>,
    INotificationHandler<PromiseToPayMade>,
    INotificationHandler<DebtorEscalated>
{
    public Task Handle(CreditNoteIssued notification, CancellationToken cancellationToken) => recheck.RecheckDebtorAsync(notification.DebtorId, cancellationToken);

    public Task Handle(InvoiceWrittenOff notification, CancellationToken cancellationToken) => recheck.RecheckDebtorAsync(notification.DebtorId, cancellationToken);

    public Task Handle(DisputeOpened notification, CancellationToken cancellationToken) => recheck.RecheckDebtorAsync(notification.DebtorId, cancellationToken);

    public Task Handle(PaymentPlanActivated notification, CancellationToken cancellationToken) => recheck.RecheckDebtorAsync(notification.DebtorId, cancellationToken);

    public Task Handle(PromiseToPayMade notification, CancellationToken cancellationToken) => recheck.RecheckDebtorAsync(notification.DebtorId, cancellationToken);

    public Task Handle(DebtorEscalated notification, CancellationToken cancellationToken) => recheck.RecheckDebtorAsync(notification.DebtorId, cancellationToken);
}
