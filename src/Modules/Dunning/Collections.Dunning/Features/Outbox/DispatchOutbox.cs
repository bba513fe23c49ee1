using Collections.Dunning.Delivery;
using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Outbox;

public sealed record DispatchOutboxResponse(int Sent);

internal sealed record DispatchOutboxCommand : IRequest<DispatchOutboxResponse>;

/// <summary>Not a unit-of-work command: each message's claim and status commit on their own, as in the background dispatcher.</summary>
internal sealed class DispatchOutboxHandler(OutboxDispatcher dispatcher) : IRequestHandler<DispatchOutboxCommand, DispatchOutboxResponse>
{
    public async Task<DispatchOutboxResponse> Handle(DispatchOutboxCommand request, CancellationToken cancellationToken) =>
        new(await dispatcher.DispatchDueAsync(500, cancellationToken));
}

internal sealed record ListOutboxQuery(string? Status) : IRequest<IReadOnlyList<CommunicationResponse>>;

internal sealed class ListOutboxHandler(DbSession db, IPortalLinks links) : IRequestHandler<ListOutboxQuery, IReadOnlyList<CommunicationResponse>>
{
    private const string ListSql = "SELECT " + MessageRow.Columns + " FROM dunning_messages WHERE status = @Status ORDER BY id LIMIT 500";

    public async Task<IReadOnlyList<CommunicationResponse>> Handle(ListOutboxQuery request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<MessageRow>(ListSql, new { Status = request.Status ?? MessageStatuses.Queued }, cancellationToken)).Select(m => CommunicationResponse.From(m, links.Page(""))).ToList();
}

internal sealed class DispatchOutboxEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/dunning/outbox/dispatch", (IMediator mediator, CancellationToken ct) => mediator.Send(new DispatchOutboxCommand(), ct))
            .RequireAuthorization(Policies.Staff)
            .WithoutIdempotencyKey("A message is claimed before it is sent: a repeated dispatch sends nothing twice.")
            .WithName("DispatchOutbox")
            .WithSummary("Dispatch due e-mails")
            .WithDescription("Send the queued e-mails that are due now (the background dispatcher does this on its own).")
            .Produces<DispatchOutboxResponse>();
        api.MapGet("/dunning/outbox", (IMediator mediator, CancellationToken ct, string? status) => mediator.Send(new ListOutboxQuery(status), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListOutbox")
            .WithSummary("List the outbox")
            .WithDescription("Messages by status: queued, sending, sent, failed, withdrawn (taken back before they left), or to_print (letters for staff to print).")
            .Produces<IReadOnlyList<CommunicationResponse>>();
    }
}
