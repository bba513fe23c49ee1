using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Access.Features.Portal;

public sealed record StartPortalSessionRequest(string Token);

public sealed record PortalSessionResponse(string SessionToken, string DebtorId, string? ContactId, DateTimeOffset ExpiresAt);

/// <summary>Either a session, or why the link was refused: invalid, expired or revoked.</summary>
internal sealed record StartPortalSessionResult(PortalSessionResponse? Session, string? Refusal);

internal sealed record StartPortalSessionCommand(string Token) : ICommand<StartPortalSessionResult>;

internal sealed class StartPortalSessionValidator : AbstractValidator<StartPortalSessionCommand>
{
    public StartPortalSessionValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(4000);
}

internal sealed class StartPortalSessionHandler(
    PortalLinks links, PortalRevocations revocations, PortalOptions options, DbSession db, IMediator mediator, CallerContext caller, TimeProvider time)
    : IRequestHandler<StartPortalSessionCommand, StartPortalSessionResult>
{
    private const string InsertSql = """
        INSERT INTO portal_sessions (id, token_hash, debtor_id, contact_id, display_name, link_issued_at, created_at, expires_at, link_id, minted_by)
        VALUES (@Id, @Hash, @DebtorId, @ContactId, @DisplayName, @LinkIssuedAt, @CreatedAt, @ExpiresAt, @LinkId, @MintedBy)
        """;

    public async Task<StartPortalSessionResult> Handle(StartPortalSessionCommand command, CancellationToken cancellationToken)
    {
        var state = links.Read(command.Token, out var claims);
        if (state != PortalLinkState.Valid)
        {
            return new StartPortalSessionResult(null, state == PortalLinkState.Expired ? "expired" : "invalid");
        }

        if (PortalRevocations.Kills(await revocations.LatestAsync(claims!.DebtorId, cancellationToken), claims.IssuedAt)
            || await revocations.IsRevokedAsync(claims.LinkId, cancellationToken))
        {
            return new StartPortalSessionResult(null, "revoked");
        }

        var debtor = await mediator.Send(new GetDebtorQuery(claims.DebtorId), cancellationToken);
        if (debtor is null)
        {
            return new StartPortalSessionResult(null, "invalid");
        }

        var contact = debtor.Contacts.FirstOrDefault(c => c.Id == claims.ContactId);
        var now = time.GetUtcNow();
        var token = PortalSessionSecret.Generate();
        var session = new Caller(Ids.New("pss", time), contact?.Name ?? debtor.Name, Roles.Debtor, debtor.Id, contact?.Id) { OnBehalfBy = claims.MintedBy };
        var expires = now.Add(options.SessionLifetime);
        await db.ExecuteAsync(InsertSql, new
        {
            session.Id,
            Hash = PortalSessionSecret.Hash(token),
            DebtorId = debtor.Id,
            session.ContactId,
            DisplayName = session.Name,
            LinkIssuedAt = claims.IssuedAt,
            CreatedAt = now,
            ExpiresAt = expires,
            claims.LinkId,
            claims.MintedBy,
        }, cancellationToken);

        caller.Current = session;
        await mediator.Send(new RecordActivityCommand(debtor.Id, "portal.session_started", $"{session.Described} opened the payment portal."), cancellationToken);
        return new StartPortalSessionResult(new PortalSessionResponse(token, debtor.Id, session.ContactId, expires), null);
    }
}

internal sealed class StartPortalSessionEndpoint : IEndpoint
{
    public const string RateLimitPolicy = "portal-session-exchange";

    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/portal/sessions", async (StartPortalSessionRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new StartPortalSessionCommand(request.Token), ct);
                return result.Session is { } session
                    ? Results.Created($"{EndpointModule.ApiPrefix}/me", session)
                    : Refused(result.Refusal!);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithoutIdempotencyKey("The answer is a session secret; it is never stored. A link can start a session only while it is valid.")
            .WithName("StartPortalSession")
            .WithSummary("Start a portal session")
            .WithDescription("Exchange a magic-link token for a short-lived portal session bearer token.")
            .Produces<PortalSessionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static IResult Refused(string reason) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "The portal link cannot be used.",
        detail: reason switch
        {
            "expired" => "This link has expired. The portal can send a new link to the e-mail address on file (POST /api/v1/portal/link-requests with this token).",
            "revoked" => "This link has been withdrawn. Ask your contact at the creditor for a new link.",
            _ => "This link is not valid. Check that you copied the whole link, or ask your contact at the creditor for a new one.",
        },
        extensions: new Dictionary<string, object?> { ["reason"] = reason });
}
