using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Collections.Webhooks.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Webhooks.Features.Endpoints;

internal sealed record DeleteWebhookEndpointCommand(string Id) : ICommand<int>;

/// <summary>Deleting stops deliveries at once: queued ones are cancelled (kept in the log), nothing new is queued.</summary>
internal sealed class DeleteWebhookEndpointHandler(DbSession db, EndpointReader endpoints, TimeProvider time) : IRequestHandler<DeleteWebhookEndpointCommand, int>
{
    private const string DeleteSql = "UPDATE webhooks_endpoints SET status = 'deleted', deleted_at = @Now WHERE id = @Id AND status = 'active'";

    private const string CancelSql = "UPDATE webhooks_deliveries SET status = 'cancelled' WHERE endpoint_id = @Id AND status = 'pending'";

    public async Task<int> Handle(DeleteWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        await endpoints.GetActiveAsync(command.Id, cancellationToken);
        await db.ExecuteAsync(DeleteSql, new { command.Id, Now = time.GetUtcNow() }, cancellationToken);
        return await db.ExecuteAsync(CancelSql, new { command.Id }, cancellationToken);
    }
}

internal sealed class DeleteWebhookEndpointEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/webhook-endpoints/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteWebhookEndpointCommand(id), ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteWebhookEndpoint")
            .WithSummary("Delete a webhook endpoint")
            .WithDescription("Stop sending to an endpoint; its queued deliveries are cancelled.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
