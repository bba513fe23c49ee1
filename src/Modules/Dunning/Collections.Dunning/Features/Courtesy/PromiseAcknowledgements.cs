using Collections.Dunning.Contracts;
using Collections.Dunning.Domain;
using MediatR;

namespace Collections.Dunning.Features.Courtesy;

/// <summary>A promise to pay recorded (what and by when), and a promise broken (what is missing, what happens now).</summary>
internal sealed class PromiseAcknowledgements(CourtesyOutbox outbox) :
    INotificationHandler<PromiseToPayMade>,
    INotificationHandler<PromiseToPayBroken>
{
    public Task Handle(PromiseToPayMade promise, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PromiseRecorded, promise.PromiseId, promise.DebtorId, promise.AmountMinor, promise.Currency, [],
            _ => new CourtesyContent(
                [$"{MessageComposer.Amount(promise.AmountMinor, promise.Currency)} by {MessageComposer.Date(promise.PromisedFor)}"],
                "we send no reminders for the promised amount until then; if it has not reached us shortly after that date, our reminders resume",
                promise.PromisedFor)), cancellationToken);

    public Task Handle(PromiseToPayBroken promise, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PromiseBroken, $"{promise.PromiseId}:broken", promise.DebtorId, promise.ShortMinor, promise.Currency, [],
            account => new CourtesyContent(
                [$"{MessageComposer.Amount(promise.ShortMinor, promise.Currency)} of the promised payment is missing"],
                "our reminders resume; if something has got in the way, reply to this e-mail or propose a payment plan through the link below",
                account.Today)), cancellationToken);
}
