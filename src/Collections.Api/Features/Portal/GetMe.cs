using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;

namespace Collections.Api.Features.Portal;

/// <summary>Who the caller is. For a portal session: its debtor, contact and when the session ends.</summary>
/// <summary>Today: the service's current date (UTC), for date defaults. OnlinePayments: whether card and bank-debit checkout is configured (else the portal offers bank transfer only).</summary>
public sealed record MeResponse(string Id, string Name, string Role, string? DebtorId, string? ContactId, DateTimeOffset? SessionExpiresAt, bool OnlinePayments, DateOnly Today);

internal sealed record GetMeQuery : IRequest<MeResponse>;

internal sealed class GetMeHandler(DbSession db, CallerContext caller, IConfiguration configuration, TimeProvider time) : IRequestHandler<GetMeQuery, MeResponse>
{
    private const string ExpirySql = "SELECT expires_at AS ExpiresAt FROM portal_sessions WHERE id = @Id";

    public async Task<MeResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var who = caller.Current;
        DateTimeOffset? expires = null;
        if (who.IsDebtor)
        {
            var rows = await db.QueryAsync<DateTimeOffset>(ExpirySql, new { who.Id }, cancellationToken);
            expires = rows.Count == 0 ? null : rows[0];
        }

        return new MeResponse(who.Id, who.Name, who.Role, who.DebtorId, who.ContactId, expires, !string.IsNullOrWhiteSpace(configuration["Stripe:SecretKey"]), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }
}

internal sealed class GetMeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMeQuery(), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetMe")
            .WithSummary("The caller")
            .WithDescription("The caller: an API key's role, or a portal session's debtor, contact and expiry.")
            .Produces<MeResponse>();
}
