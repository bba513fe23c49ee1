using Collections.SharedKernel.Data;

namespace Collections.Api.Features.Portal;

/// <summary>The latest per-debtor revocation: links issued and sessions started at or before it are dead.</summary>
internal sealed class PortalRevocations(DbSession db)
{
    private const string LatestSql = "SELECT revoked_at AS RevokedAt FROM portal_revocations WHERE debtor_id = @DebtorId ORDER BY revoked_at DESC LIMIT 1";

    public async Task<DateTimeOffset?> LatestAsync(string debtorId, CancellationToken ct)
    {
        var rows = await db.QueryAsync<DateTimeOffset>(LatestSql, new { DebtorId = debtorId }, ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public static bool Kills(DateTimeOffset? revokedAt, DateTimeOffset issuedAt) => revokedAt is { } revoked && issuedAt <= revoked;
}
