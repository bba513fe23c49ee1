using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Access.Features.Portal;

internal sealed record EndPortalSessionCommand : ICommand<bool>;

internal sealed class EndPortalSessionHandler(DbSession db, CallerContext caller, TimeProvider time) : IRequestHandler<EndPortalSessionCommand, bool>
{
    private const string EndSql = "UPDATE portal_sessions SET ended_at = @Now WHERE id = @Id AND ended_at IS NULL";

    public async Task<bool> Handle(EndPortalSessionCommand command, CancellationToken cancellationToken)
    {
        if (!caller.Current.IsDebtor)
        {
            throw new ForbiddenException("Only a portal session can end itself.");
        }

        return await db.ExecuteAsync(EndSql, new { caller.Current.Id, Now = time.GetUtcNow() }, cancellationToken) == 1;
    }
}

internal sealed class EndPortalSessionEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/portal/sessions", async (IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new EndPortalSessionCommand(), ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Portal)
            .WithName("EndPortalSession")
            .WithSummary("End a portal session")
            .WithDescription("End the calling portal session (sign out). Its token is refused from then on.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
