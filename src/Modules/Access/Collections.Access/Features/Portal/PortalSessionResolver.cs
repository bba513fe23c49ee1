using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;

namespace Collections.Access.Features.Portal;

/// <summary>Turns a live portal session token into a debtor caller; ended, expired and revoked sessions resolve to nobody (401).</summary>
internal sealed class PortalSessionResolver(DbSession db, PortalRevocations revocations, TimeProvider time) : IBearerTokenResolver
{
    private const string Sql = """
        SELECT id AS Id, debtor_id AS DebtorId, contact_id AS ContactId, display_name AS DisplayName,
               created_at AS CreatedAt, expires_at AS ExpiresAt, ended_at AS EndedAt, minted_by AS MintedBy
        FROM portal_sessions WHERE token_hash = @Hash
        """;

    public async Task<Caller?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(PortalSessionSecret.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var session = await db.QuerySingleOrDefaultAsync<PortalSessionRow>(Sql, new { Hash = PortalSessionSecret.Hash(token) }, cancellationToken);
        if (session is null || session.EndedAt is not null || time.GetUtcNow() >= session.ExpiresAt
            || PortalRevocations.Kills(await revocations.LatestAsync(session.DebtorId, cancellationToken), session.CreatedAt))
        {
            return null;
        }

        return new Caller(session.Id, session.DisplayName, Roles.Debtor, session.DebtorId, session.ContactId) { OnBehalfBy = session.MintedBy };
    }
}

internal sealed record PortalSessionRow
{
    public string Id { get; init; } = "";

    public string DebtorId { get; init; } = "";

    public string? ContactId { get; init; }

    public string DisplayName { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? MintedBy { get; init; }
}
