using Collections.Disputes.Contracts;
using Collections.Dunning.Domain;
using MediatR;

namespace Collections.Dunning.Features.Courtesy;

/// <summary>A dispute received (with the date we answer by), answered by staff (the reply itself), and resolved (with the outcome and any credit).</summary>
internal sealed class DisputeAcknowledgements(CourtesyOutbox outbox) :
    INotificationHandler<DisputeOpened>,
    INotificationHandler<DisputeReplied>,
    INotificationHandler<DisputeResolved>
{
    public Task Handle(DisputeOpened dispute, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.DisputeReceived, dispute.DisputeId, dispute.DebtorId, dispute.DisputedMinor, dispute.Currency, [dispute.InvoiceId],
            account => new CourtesyContent(
                [account.Say("dispute.received.line", ("number", account.NumberOf(dispute.InvoiceId)),
                    ("amount", account.Amount(dispute.DisputedMinor, dispute.Currency)), ("reason", Reason(account, dispute.Category)))],
                account.Say("dispute.received.next"),
                dispute.DueBy ?? account.Today.AddDays(14))), cancellationToken);

    public Task Handle(DisputeReplied reply, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.DisputeReplied, reply.MessageId, reply.DebtorId, 0, null, [reply.InvoiceId],
            account => new CourtesyContent(
                [account.Say("dispute.replied.line", ("number", account.NumberOf(reply.InvoiceId)), ("reply", reply.Body))],
                account.Say("dispute.replied.next"),
                account.Today)), cancellationToken);

    public Task Handle(DisputeResolved dispute, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.DisputeResolved, $"{dispute.DisputeId}:resolved", dispute.DebtorId, dispute.CreditedMinor, dispute.Currency, [dispute.InvoiceId],
            account =>
            {
                var number = account.NumberOf(dispute.InvoiceId);
                var lines = new List<string> { account.Say("dispute.resolved.line", ("number", number), ("outcome", Outcome(account, dispute.Outcome))) };
                if (dispute.CreditedMinor > 0)
                {
                    lines.Add(account.Say("dispute.resolved.credit", ("amount", account.Amount(dispute.CreditedMinor, dispute.Currency)), ("number", number)));
                }

                var open = account.Open.FirstOrDefault(i => i.Id == dispute.InvoiceId);
                return new CourtesyContent(lines,
                    open is null
                        ? account.Say("dispute.resolved.next.nothingDue", ("number", number))
                        : account.Say("dispute.resolved.next.remainingDue", ("amount", account.Amount(open.BalanceMinor, open.Currency)), ("number", number)),
                    account.Today);
            }), cancellationToken);

    /// <summary>The dispute's category as the debtor chose it, in their words; a category added later reads as "other".</summary>
    private static string Reason(CourtesyContext account, string category) =>
        account.Voice.Language.Phrases.ContainsKey("dispute.reason." + category) ? account.Say("dispute.reason." + category) : account.Say("dispute.reason.other");

    private static string Outcome(CourtesyContext account, string outcome) => account.Say(outcome switch
    {
        "upheld" or "accepted" => "dispute.outcome.upheld",
        "partially_upheld" or "partially_accepted" => "dispute.outcome.partiallyUpheld",
        _ => "dispute.outcome.rejected",
    });
}
