using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
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

public sealed record PortalLinksRevokedResponse(string DebtorId, DateTimeOffset RevokedAt, int SessionsEnded);

internal sealed record RevokePortalLinksCommand(string DebtorId) : ICommand<PortalLinksRevokedResponse>;

/// <summary>Every link issued so far and every session started so far for the debtor stops working; new links work again.</summary>
internal sealed class RevokePortalLinksHandler(DbSession db, IMediator mediator, CallerContext caller, TimeProvider time)
    : IRequestHandler<RevokePortalLinksCommand, PortalLinksRevokedResponse>
{
    private const string InsertSql = "INSERT INTO portal_revocations (id, debtor_id, revoked_at, revoked_by) VALUES (@Id, @DebtorId, @Now, @By)";
    private const string EndSessionsSql = "UPDATE portal_sessions SET ended_at = @Now WHERE debtor_id = @DebtorId AND ended_at IS NULL AND expires_at > @Now";

    public async Task<PortalLinksRevokedResponse> Handle(RevokePortalLinksCommand command, CancellationToken cancellationToken)
    {
        var debtor = await mediator.Send(new GetDebtorQuery(command.DebtorId), cancellationToken)
            ?? throw new NotFoundException("Debtor", command.DebtorId);
        var now = time.GetUtcNow();
        await db.ExecuteAsync(InsertSql, new { Id = Ids.New("prv", time), DebtorId = debtor.Id, Now = now, By = caller.Current.Name }, cancellationToken);
        var ended = await db.ExecuteAsync(EndSessionsSql, new { DebtorId = debtor.Id, Now = now }, cancellationToken);
        await mediator.Send(new RecordActivityCommand(debtor.Id, "portal.links_revoked", "Earlier portal links were withdrawn; a new link is needed to open the portal."), cancellationToken);
        return new PortalLinksRevokedResponse(debtor.Id, now, ended);
    }
}

internal sealed class RevokePortalLinksEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/debtors/{id}/portal-links/revoke", (string id, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RevokePortalLinksCommand(id), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("RevokePortalLinks")
            .WithSummary("Revoke portal links")
            .WithDescription("Withdraw every portal link and session issued so far for the debtor.")
            .Produces<PortalLinksRevokedResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
