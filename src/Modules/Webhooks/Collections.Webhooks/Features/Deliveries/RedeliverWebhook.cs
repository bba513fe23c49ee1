using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Collections.Webhooks.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Webhooks.Features.Deliveries;

public sealed record RedeliverWebhookResponse(string DeliveryId, string EventId, string RedeliveryOf);

internal sealed record RedeliverWebhookCommand(string EndpointId, string DeliveryId) : ICommand<RedeliverWebhookResponse>;

/// <summary>
/// Queues the same event (same id and body, so the ERP can de-duplicate) as a new delivery at the end of the
/// endpoint's queue, with a fresh retry window. A delivery still pending is already being retried: 409.
/// </summary>
internal sealed class RedeliverWebhookHandler(DbSession db, EndpointReader endpoints, WebhookOutbox outbox) : IRequestHandler<RedeliverWebhookCommand, RedeliverWebhookResponse>
{
    private const string FindSql = "SELECT event_id AS EventId, status AS Status FROM webhooks_deliveries WHERE id = @Id AND endpoint_id = @EndpointId";

    public async Task<RedeliverWebhookResponse> Handle(RedeliverWebhookCommand command, CancellationToken cancellationToken)
    {
        await endpoints.GetActiveAsync(command.EndpointId, cancellationToken);
        var original = await db.QuerySingleOrDefaultAsync<OriginalDelivery>(FindSql, new { Id = command.DeliveryId, command.EndpointId }, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery", command.DeliveryId);
        if (original.Status == DeliveryStatuses.Pending)
        {
            throw new ConflictException("This delivery is still queued and will be retried; redeliver it once it has been delivered or has failed.");
        }

        var id = await outbox.InsertDeliveryAsync(command.EndpointId, original.EventId, command.DeliveryId, cancellationToken);
        return new RedeliverWebhookResponse(id, original.EventId, command.DeliveryId);
    }

    private sealed record OriginalDelivery
    {
        public string EventId { get; init; } = "";

        public string Status { get; init; } = "";
    }
}

internal sealed class RedeliverWebhookEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver", async (string id, string deliveryId, IMediator mediator, CancellationToken ct) =>
                Results.Accepted(value: await mediator.Send(new RedeliverWebhookCommand(id, deliveryId), ct)))
            .RequireAuthorization(Policies.Admin)
            .AcceptsIdempotencyKey()
            .WithName("RedeliverWebhook")
            .WithSummary("Redeliver a webhook")
            .WithDescription("Send a delivered or failed event again, as a new delivery with the same event id and body.")
            .Produces<RedeliverWebhookResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
