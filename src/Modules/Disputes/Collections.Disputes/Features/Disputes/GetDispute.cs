using Collections.Disputes.Domain;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Disputes.Features.Disputes;

internal sealed record GetDisputeQuery(string Id) : IRequest<DisputeResponse>;

internal sealed class GetDisputeHandler(DisputeStore store, DisputeResponses responses) : IRequestHandler<GetDisputeQuery, DisputeResponse>
{
    public async Task<DisputeResponse> Handle(GetDisputeQuery query, CancellationToken cancellationToken) =>
        await responses.ForAsync(await store.VisibleAsync(query.Id, cancellationToken), cancellationToken);
}

internal sealed class GetDisputeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/disputes/{id}", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetDisputeQuery(id), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetDispute")
            .WithSummary("Get a dispute")
            .WithDescription("A dispute with its message thread, attachments and status history. A debtor session sees only its own disputes and never internal notes.")
            .Produces<DisputeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
