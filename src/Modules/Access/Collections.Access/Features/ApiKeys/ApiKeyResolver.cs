using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;

namespace Collections.Access.Features.ApiKeys;

internal sealed class ApiKeyResolver(DbSession db, TimeProvider time) : IBearerTokenResolver
{
    private const string Sql = $"""
        SELECT id AS Id, name AS Name, role AS Role, COALESCE(client_id, id) AS Client
        FROM platform_api_keys WHERE key_hash = @Hash AND {ApiKeyStatus.ActiveCondition}
        """;

    public async Task<Caller?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = await db.QuerySingleOrDefaultAsync<KeyRow>(Sql, new { Hash = ApiKeySecret.Hash(token), Now = time.GetUtcNow() }, cancellationToken);
        return key is null ? null : new Caller(key.Id, key.Name, key.Role) { Client = key.Client };
    }

    private sealed record KeyRow(string Id, string Name, string Role, string Client);
}
