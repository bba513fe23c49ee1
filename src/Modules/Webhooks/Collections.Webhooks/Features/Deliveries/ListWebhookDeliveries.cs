using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Collections.Webhooks.Domain;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Webhooks.Features.Deliveries;

public sealed record WebhookDeliveryResponse
{
    public string Id { get; init; } = "";

    public string EventId { get; init; } = "";

    public string EventType { get; init; } = "";

    public string Status { get; init; } = "";

    public int Attempts { get; init; }

    public DateTimeOffset? NextAttemptAt { get; init; }

    public int? LastStatusCode { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public string? RedeliveryOf { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed record ListWebhookDeliveriesQuery(string EndpointId, string? Status, string? Cursor, int? Limit) : IRequest<Page<WebhookDeliveryResponse>>;

internal sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("The cursor is not valid.");
        RuleFor(q => q.Status).Must(s => s is null or DeliveryStatuses.Pending or DeliveryStatuses.Delivered or DeliveryStatuses.Failed or DeliveryStatuses.Cancelled)
            .WithMessage("Use pending, delivered, failed or cancelled.");
    }
}

/// <summary>Newest first: the log an ERP developer reads while wiring up a receiver.</summary>
internal sealed class ListWebhookDeliveriesHandler(DbSession db, EndpointReader endpoints) : IRequestHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryResponse>>
{
    private const string PageSql = """
        SELECT d.id AS Id, d.event_id AS EventId, ev.type AS EventType, d.status AS Status, d.attempts AS Attempts,
               CASE WHEN d.status = 'pending' THEN d.next_attempt_at ELSE NULL END AS NextAttemptAt,
               d.last_status_code AS LastStatusCode, d.last_error AS LastError, d.last_attempt_at AS LastAttemptAt,
               d.delivered_at AS DeliveredAt, d.redelivery_of AS RedeliveryOf, d.created_at AS CreatedAt
          FROM webhooks_deliveries d
          JOIN webhooks_events ev ON ev.id = d.event_id
         WHERE d.endpoint_id = @EndpointId AND (@Before = '' OR d.id < @Before) AND (@Status IS NULL OR d.status = @Status)
         ORDER BY d.id DESC
         LIMIT @Take
        """;

    public async Task<Page<WebhookDeliveryResponse>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        await endpoints.GetActiveAsync(query.EndpointId, cancellationToken);
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await db.QueryAsync<WebhookDeliveryResponse>(PageSql,
            new { query.EndpointId, Before = Cursor.Decode(query.Cursor), query.Status, Take = limit + 1 }, cancellationToken);
        return Cursor.ToPage(rows, limit, r => r.Id);
    }
}

internal sealed class ListWebhookDeliveriesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/webhook-endpoints/{id}/deliveries", (string id, string? status, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListWebhookDeliveriesQuery(id, status, cursor, limit), ct))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListWebhookDeliveries")
            .WithSummary("List webhook deliveries")
            .WithDescription("The endpoint's deliveries, newest first, with attempts, last answer and next retry.")
            .Produces<Page<WebhookDeliveryResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
