using Collections.Access.Contracts;
using Collections.Dunning.Domain;
using MediatR;

namespace Collections.Dunning.Features.Courtesy;

/// <summary>
/// A fresh portal link to the contact on file, at once. At most one per contact and hour, however often it is asked for
/// (the cause carries the hour): the address on file gets a link, nobody else gets anything.
/// </summary>
internal sealed class PortalLinkRequests(CourtesyOutbox outbox) : INotificationHandler<PortalLinkRequested>
{
    public Task Handle(PortalLinkRequested request, CancellationToken cancellationToken) =>
        outbox.QueueAsync(new CourtesyNote(MessagePurposes.PortalLink, $"portal-link:{request.ContactId}:{request.At.UtcDateTime:yyyyMMddHH}", request.DebtorId, 0, null, [],
            account => new CourtesyContent([], account.Say("portalLink.next"), account.Today))
        {
            ContactId = request.ContactId,
            Requested = true,
        }, cancellationToken);
}
