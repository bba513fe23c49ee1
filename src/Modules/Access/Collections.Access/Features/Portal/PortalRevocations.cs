using Collections.SharedKernel.Data;

namespace Collections.Access.Features.Portal;

/// <summary>
/// The latest per-debtor revocation (links issued and sessions started at or before it are dead), and single links revoked
/// on their own.
/// </summary>
internal sealed class PortalRevocations(DbSession db)
{
    private const string LatestSql = "SELECT revoked_at AS RevokedAt FROM portal_revocations WHERE debtor_id = @DebtorId ORDER BY revoked_at DESC LIMIT 1";

    public async Task<DateTimeOffset?> LatestAsync(string debtorId, CancellationToken ct)
    {
        var rows = await db.QueryAsync<DateTimeOffset>(LatestSql, new { DebtorId = debtorId }, ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private const string LinkRevokedSql = "SELECT COUNT(*) FROM portal_link_revocations WHERE link_id = @LinkId";

    public async Task<bool> IsRevokedAsync(string? linkId, CancellationToken ct) =>
        linkId is not null && await db.ExecuteScalarAsync<long>(LinkRevokedSql, new { LinkId = linkId }, ct) > 0;

    public static bool Kills(DateTimeOffset? revokedAt, DateTimeOffset issuedAt) => revokedAt is { } revoked && issuedAt <= revoked;
}
