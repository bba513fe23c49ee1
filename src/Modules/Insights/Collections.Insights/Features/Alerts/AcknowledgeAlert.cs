using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Insights.Features.Alerts;

internal sealed record AcknowledgeAlertCommand(string AlertId) : ICommand<AlertResponse>;

/// <summary>Acknowledging twice keeps the first acknowledgement (who and when).</summary>
internal sealed class AcknowledgeAlertHandler(DbSession db, CallerContext caller, TimeProvider time) : IRequestHandler<AcknowledgeAlertCommand, AlertResponse>
{
    private const string AcknowledgeSql = """
        UPDATE insights_alerts SET acknowledged_at = @Now, acknowledged_by = @By WHERE id = @AlertId AND acknowledged_at IS NULL
        """;

    private const string FindSql = "SELECT " + AlertRow.Columns + " FROM insights_alerts WHERE id = @AlertId";

    public async Task<AlertResponse> Handle(AcknowledgeAlertCommand command, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(AcknowledgeSql, new { command.AlertId, Now = time.GetUtcNow(), By = caller.Current.Name }, cancellationToken);
        var row = await db.QuerySingleOrDefaultAsync<AlertRow>(FindSql, new { command.AlertId }, cancellationToken)
                  ?? throw new NotFoundException("Alert", command.AlertId);
        return row.ToResponse();
    }
}

internal sealed class AcknowledgeAlertEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/insights/alerts/{id}/acknowledge", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new AcknowledgeAlertCommand(id), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("AcknowledgeInsightAlert")
            .WithSummary("Acknowledge an alert")
            .WithDescription("Marks an alert as seen, recording who and when (the first acknowledgement stays).")
            .Produces<AlertResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
