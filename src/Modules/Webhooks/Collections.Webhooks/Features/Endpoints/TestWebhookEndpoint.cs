using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Webhooks.Features.Endpoints;

public sealed record TestWebhookEndpointResponse(string EventId, string DeliveryId);

/// <summary>The body's data of a `webhook.ping`.</summary>
internal sealed record WebhookPingPayload(string EndpointId, DateTimeOffset SentAt);

internal sealed record TestWebhookEndpointCommand(string Id) : ICommand<TestWebhookEndpointResponse>;

/// <summary>
/// Queues a signed `webhook.ping` for this endpoint only. It goes through the same outbox, signing and retries as a
/// real event, and shows in the delivery log, so a passing ping proves the real path.
/// </summary>
internal sealed class TestWebhookEndpointHandler(EndpointReader endpoints, WebhookOutbox outbox, TimeProvider time) : IRequestHandler<TestWebhookEndpointCommand, TestWebhookEndpointResponse>
{
    public async Task<TestWebhookEndpointResponse> Handle(TestWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.GetActiveAsync(command.Id, cancellationToken);
        var eventId = await outbox.EnqueueAsync(WebhookEventTypes.Ping, new WebhookPingPayload(endpoint.Id, time.GetUtcNow()), cancellationToken, endpoint.Id);
        var deliveryId = await outbox.DeliveryOfAsync(eventId!, endpoint.Id, cancellationToken);
        return new TestWebhookEndpointResponse(eventId!, deliveryId);
    }
}

internal sealed class TestWebhookEndpointEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/webhook-endpoints/{id}/test", async (string id, IMediator mediator, CancellationToken ct) =>
                Results.Accepted(value: await mediator.Send(new TestWebhookEndpointCommand(id), ct)))
            .RequireAuthorization(Policies.Admin)
            .AcceptsIdempotencyKey()
            .WithName("TestWebhookEndpoint")
            .WithSummary("Send a test event")
            .WithDescription("Queue a signed webhook.ping to the endpoint; follow it in the delivery log.")
            .Produces<TestWebhookEndpointResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
