using System.Data.Common;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Access.Features.Portal;

public sealed record PortalLinkRevokedResponse(string DebtorId, string LinkId, DateTimeOffset RevokedAt, int SessionsEnded);

internal sealed record RevokePortalLinkCommand(string DebtorId, string LinkId) : ICommand<PortalLinkRevokedResponse>;

internal sealed class RevokePortalLinkValidator : AbstractValidator<RevokePortalLinkCommand>
{
    /// <summary>A link's id is the one the link-creating answer gave (lnk_…) or the message that carried it (msg_…).</summary>
    public RevokePortalLinkValidator() =>
        RuleFor(c => c.LinkId).NotEmpty().MaximumLength(40).Matches("^(lnk|msg)_[0-9A-Za-z]+$").OverridePropertyName("linkId")
            .WithMessage("linkId must be a portal link's id (lnk_…) or the id of the message that carried the link (msg_…).");
}

/// <summary>One link stops working, and so does every session opened with it; the debtor's other links keep working.</summary>
internal sealed class RevokePortalLinkHandler(DbSession db, IMediator mediator, CallerContext caller, TimeProvider time)
    : IRequestHandler<RevokePortalLinkCommand, PortalLinkRevokedResponse>
{
    private const string InsertSql = "INSERT INTO portal_link_revocations (link_id, debtor_id, revoked_at, revoked_by) VALUES (@LinkId, @DebtorId, @Now, @By)";
    private const string FindSql = "SELECT revoked_at FROM portal_link_revocations WHERE link_id = @LinkId AND debtor_id = @DebtorId";
    private const string EndSessionsSql = "UPDATE portal_sessions SET ended_at = @Now WHERE link_id = @LinkId AND debtor_id = @DebtorId AND ended_at IS NULL";

    public async Task<PortalLinkRevokedResponse> Handle(RevokePortalLinkCommand command, CancellationToken cancellationToken)
    {
        var debtor = await mediator.Send(new GetDebtorQuery(command.DebtorId), cancellationToken)
            ?? throw new NotFoundException("Debtor", command.DebtorId);
        var now = time.GetUtcNow();
        var earlier = await db.QueryAsync<DateTimeOffset>(FindSql, new { command.LinkId, DebtorId = debtor.Id }, cancellationToken);
        if (earlier.Count > 0)
        {
            return new PortalLinkRevokedResponse(debtor.Id, command.LinkId, earlier[0], 0);
        }

        try
        {
            await db.ExecuteAsync(InsertSql, new { command.LinkId, DebtorId = debtor.Id, Now = now, By = caller.Current.Name }, cancellationToken);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            throw new ConflictException($"Link {command.LinkId} belongs to another debtor.");
        }

        var ended = await db.ExecuteAsync(EndSessionsSql, new { command.LinkId, DebtorId = debtor.Id, Now = now }, cancellationToken);
        await mediator.Send(new RecordActivityCommand(debtor.Id, "portal.link_revoked",
            $"Portal link {command.LinkId} was withdrawn{(ended > 0 ? $" and {ended} session(s) opened with it ended" : "")}."), cancellationToken);
        return new PortalLinkRevokedResponse(debtor.Id, command.LinkId, now, ended);
    }
}

internal sealed class RevokePortalLinkEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/debtors/{id}/portal-links/{linkId}/revoke", (string id, string linkId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RevokePortalLinkCommand(id, linkId), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("RevokePortalLink")
            .WithSummary("Revoke one portal link")
            .WithDescription("Withdraw one portal link, by the id its creation returned or the id of the message that carried it, and end the sessions opened with it. The debtor's other links keep working.")
            .Produces<PortalLinkRevokedResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
