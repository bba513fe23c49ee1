using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Collections.Webhooks.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Webhooks.Features.Endpoints;

internal sealed record ListWebhookEndpointsQuery : IRequest<IReadOnlyList<WebhookEndpointResponse>>;

internal sealed class ListWebhookEndpointsHandler(DbSession db) : IRequestHandler<ListWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointResponse>>
{
    private const string ListSql = "SELECT " + EndpointRow.Columns + " FROM webhooks_endpoints WHERE status = 'active' ORDER BY id";

    public async Task<IReadOnlyList<WebhookEndpointResponse>> Handle(ListWebhookEndpointsQuery request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<EndpointRow>(ListSql, ct: cancellationToken)).Select(r => r.ToResponse()).ToList();
}

internal sealed class ListWebhookEndpointsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/webhook-endpoints", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListWebhookEndpointsQuery(), ct))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListWebhookEndpoints")
            .WithSummary("List webhook endpoints")
            .WithDescription("The active webhook endpoints (secrets are never shown again).")
            .Produces<IReadOnlyList<WebhookEndpointResponse>>();

        api.MapGet("/webhook-endpoints/{id}", async (string id, EndpointReader endpoints, CancellationToken ct) =>
                (await endpoints.GetActiveAsync(id, ct)).ToResponse())
            .RequireAuthorization(Policies.Admin)
            .WithName("GetWebhookEndpoint")
            .WithSummary("Get a webhook endpoint")
            .WithDescription("One active webhook endpoint.")
            .Produces<WebhookEndpointResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
