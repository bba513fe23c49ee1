using Collections.Dunning.Domain;
using Collections.Payments.Contracts;
using MediatR;

namespace Collections.Dunning.Features.Courtesy;

/// <summary>
/// A chargeback the creditor lost: the debtor is told, in plain words, that its bank took the payment back and that the
/// invoices it paid are open again, before any reminder chases them. A won chargeback needs no message: nothing changes
/// for the debtor.
/// </summary>
internal sealed class PaymentReversedNotice(CourtesyOutbox outbox) : INotificationHandler<ChargebackClosed>
{
    public Task Handle(ChargebackClosed chargeback, CancellationToken cancellationToken) =>
        chargeback.Won
            ? Task.CompletedTask
            : outbox.QueueAsync(new CourtesyNote(MessagePurposes.PaymentReversed, $"{chargeback.PaymentId}:chargeback-lost", chargeback.DebtorId,
                chargeback.AmountMinor, chargeback.Currency, [],
                account => new CourtesyContent(
                    [account.Say("reversed.line", ("amount", account.Amount(chargeback.AmountMinor, chargeback.Currency)),
                        ("receivedOn", account.Date(chargeback.PaymentReceivedOn)))],
                    account.Say(account.Open.Count == 0 ? "reversed.next.nothingOpen" : "reversed.next.open"),
                    account.Today)), cancellationToken);
}
