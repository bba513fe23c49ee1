using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Collections.Access.Features.Portal;

/// <summary>
/// Who the caller is. For a portal session: its debtor, contact and when the session ends.
/// Today: the service's current date (UTC), for date defaults. OnlinePayments: whether card and bank-debit checkout is
/// configured (else the portal offers bank transfer only).
/// Language: for a portal session only (null for an API key), the language the portal speaks to it: the session
/// contact's language if it has one, else the debtor's, as a BCP 47 tag whose base is one of en, de, fr, es, nl, it
/// ("de-AT" keeps its region for formatting numbers and dates; its base language picks the texts); "en" when that
/// language is not one the portal speaks.
/// </summary>
public sealed record MeResponse(
    string Id, string Name, string Role, string? DebtorId, string? ContactId, DateTimeOffset? SessionExpiresAt, bool OnlinePayments, DateOnly Today,
    string? Language = null);

internal sealed record GetMeQuery : IRequest<MeResponse>;

internal sealed class GetMeHandler(DbSession db, CallerContext caller, IMediator mediator, IConfiguration configuration, TimeProvider time)
    : IRequestHandler<GetMeQuery, MeResponse>
{
    private const string ExpirySql = "SELECT expires_at AS ExpiresAt FROM portal_sessions WHERE id = @Id";

    public async Task<MeResponse> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var who = caller.Current;
        DateTimeOffset? expires = null;
        string? language = null;
        if (who.IsDebtor)
        {
            var rows = await db.QueryAsync<DateTimeOffset>(ExpirySql, new { who.Id }, cancellationToken);
            expires = rows.Count == 0 ? null : rows[0];
            var debtor = await mediator.Send(new GetDebtorQuery(who.DebtorId!), cancellationToken);
            var contact = debtor?.Contacts.FirstOrDefault(c => c.Id == who.ContactId);
            language = DebtorLanguages.Choose(contact?.Language, debtor?.Language) ?? DebtorLanguages.Default;
        }

        return new MeResponse(who.Id, who.Name, who.Role, who.DebtorId, who.ContactId, expires, !string.IsNullOrWhiteSpace(configuration["Stripe:SecretKey"]),
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), language);
    }
}

internal sealed class GetMeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMeQuery(), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetMe")
            .WithSummary("The caller")
            .WithDescription("The caller: an API key's role, or a portal session's debtor, contact, expiry and the language the portal speaks to it (a BCP 47 tag whose base is en, de, fr, es, nl or it: the contact's language, else the debtor's, else en).")
            .Produces<MeResponse>();
}
