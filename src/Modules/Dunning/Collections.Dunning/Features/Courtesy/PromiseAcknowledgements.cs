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
            account => new CourtesyContent(
                [account.Say("promise.recorded.line", ("amount", account.Amount(promise.AmountMinor, promise.Currency)), ("date", account.Date(promise.PromisedFor)))],
                account.Say("promise.recorded.next"),
                promise.PromisedFor)), cancellationToken);

    public Task Handle(PromiseToPayBroken promise, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PromiseBroken, $"{promise.PromiseId}:broken", promise.DebtorId, promise.ShortMinor, promise.Currency, [],
            account => new CourtesyContent(
                [account.Say("promise.broken.line", ("amount", account.Amount(promise.ShortMinor, promise.Currency)))],
                account.Say("promise.broken.next"),
                account.Today)), cancellationToken);
}
