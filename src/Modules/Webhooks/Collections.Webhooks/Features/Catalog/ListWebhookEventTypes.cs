using System.Text.Json;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Collections.Webhooks.Features.Events;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Webhooks.Features.Catalog;

/// <summary>One event type an endpoint can receive: its name, what it means, and the JSON schema of the delivered body.</summary>
public sealed record WebhookEventTypeResponse(string Type, string Module, string Description, bool Subscribable, JsonElement Schema);

internal sealed record ListWebhookEventTypesQuery : IRequest<IReadOnlyList<WebhookEventTypeResponse>>;

internal sealed class ListWebhookEventTypesHandler : IRequestHandler<ListWebhookEventTypesQuery, IReadOnlyList<WebhookEventTypeResponse>>
{
    private static readonly IReadOnlyList<WebhookEventTypeResponse> Catalog = WebhookEventCatalog.All
        .Select(d => new WebhookEventTypeResponse(d.Type, d.Module, d.Description, Contracts.WebhookEventTypes.Subscribable.Contains(d.Type),
            JsonSerializer.SerializeToElement(WebhookEventCatalog.SchemaOf(d))))
        .ToList();

    public Task<IReadOnlyList<WebhookEventTypeResponse>> Handle(ListWebhookEventTypesQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(Catalog);
}

internal sealed class ListWebhookEventTypesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/webhook-events", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListWebhookEventTypesQuery(), ct))
            .RequireAuthorization(Policies.Erp)
            .WithName("ListWebhookEventTypes")
            .WithSummary("List webhook event types")
            .WithDescription("Every webhook event type with the JSON schema (draft 2020-12) of the body Collections delivers for it.")
            .Produces<IReadOnlyList<WebhookEventTypeResponse>>();
}
