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
                [$"Invoice {account.NumberOf(dispute.InvoiceId)}: {MessageComposer.Amount(dispute.DisputedMinor, dispute.Currency)} under review ({dispute.Category.Replace('_', ' ')})"],
                "we look into it and answer you; until then we do not ask you to pay the amount under review",
                dispute.DueBy ?? account.Today.AddDays(14))), cancellationToken);

    public Task Handle(DisputeReplied reply, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.DisputeReplied, reply.MessageId, reply.DebtorId, 0, null, [reply.InvoiceId],
            account => new CourtesyContent(
                [$"About invoice {account.NumberOf(reply.InvoiceId)}: {reply.Body}"],
                "read the whole conversation and answer us through the link below; the amount under review stays on hold meanwhile",
                account.Today)), cancellationToken);

    public Task Handle(DisputeResolved dispute, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.DisputeResolved, $"{dispute.DisputeId}:resolved", dispute.DebtorId, dispute.CreditedMinor, dispute.Currency, [dispute.InvoiceId],
            account =>
            {
                var number = account.NumberOf(dispute.InvoiceId);
                var lines = new List<string> { $"Invoice {number}: {Outcome(dispute.Outcome)}" };
                if (dispute.CreditedMinor > 0)
                {
                    lines.Add($"A credit note of {MessageComposer.Amount(dispute.CreditedMinor, dispute.Currency)} has been issued against invoice {number}");
                }

                var open = account.Open.FirstOrDefault(i => i.Id == dispute.InvoiceId);
                return new CourtesyContent(lines,
                    open is null
                        ? $"nothing more is due on invoice {number}"
                        : $"the remaining {MessageComposer.Amount(open.BalanceMinor, open.Currency)} of invoice {number} is due; you can pay it, or part of it, through the link below",
                    account.Today);
            }), cancellationToken);

    private static string Outcome(string outcome) => outcome switch
    {
        "upheld" or "accepted" => "we agree with you and have corrected the invoice",
        "partially_upheld" or "partially_accepted" => "we agree with you in part and have corrected the invoice accordingly",
        _ => "we checked the invoice and it stands as issued; the details are in the portal",
    };
}
