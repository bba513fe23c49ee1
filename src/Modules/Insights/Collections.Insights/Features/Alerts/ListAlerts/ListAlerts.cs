using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Insights.Features.Alerts;

/// <summary>A command, not a query: listing first raises the alerts that time has made due (each once per cause).</summary>
internal sealed record ListAlertsCommand(DateTimeOffset? Since, bool? Acknowledged, int? Limit) : ICommand<AlertsResponse>;

public sealed record AlertsResponse(IReadOnlyList<AlertResponse> Items);

internal sealed class ListAlertsValidator : AbstractValidator<ListAlertsCommand>
{
    public ListAlertsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, 500);
}

internal sealed class ListAlertsHandler(DbSession db, AlertScanner scanner, TimeProvider time) : IRequestHandler<ListAlertsCommand, AlertsResponse>
{
    private const string ListSql = "SELECT " + AlertRow.Columns + """
         FROM insights_alerts
        WHERE (@Since IS NULL OR created_at >= @Since)
          AND (@Acknowledged IS NULL OR (@Acknowledged = 1 AND acknowledged_at IS NOT NULL) OR (@Acknowledged = 0 AND acknowledged_at IS NULL))
        ORDER BY created_at DESC, id DESC
        LIMIT @Limit
        """;

    public async Task<AlertsResponse> Handle(ListAlertsCommand command, CancellationToken cancellationToken)
    {
        await scanner.ScanAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
        var rows = await db.QueryAsync<AlertRow>(ListSql, new
        {
            command.Since,
            Acknowledged = command.Acknowledged is null ? (int?)null : command.Acknowledged.Value ? 1 : 0,
            Limit = command.Limit ?? 200,
        }, cancellationToken);
        return new AlertsResponse(rows.Select(r => r.ToResponse()).ToList());
    }
}

internal sealed class ListAlertsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/insights/alerts", (DateTimeOffset? since, bool? acknowledged, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListAlertsCommand(since, acknowledged, limit), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListInsightAlerts")
            .WithSummary("List insight alerts")
            .WithDescription("Early-warning alerts, newest first, optionally since an instant and by acknowledged state. Each alert is raised once per cause.")
            .Produces<AlertsResponse>()
            .ProducesValidationProblem();
}
