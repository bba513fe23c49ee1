using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Access.Features.ApiKeys;

/// <param name="ClientId">The client the key belongs to: the first key's id, shared by the keys that rotation made from it.</param>
/// <param name="RevokedAt">When the key stops working; in the future while a rotated key is being retired.</param>
public sealed record ApiKeySummary(string Id, string Name, string Role, string KeyHint, string ClientId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

internal sealed record ListApiKeysQuery : IRequest<IReadOnlyList<ApiKeySummary>>;

internal sealed class ListApiKeysHandler(DbSession db) : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeySummary>>
{
    private const string Sql = """
        SELECT id AS Id, name AS Name, role AS Role, key_hint AS KeyHint, COALESCE(client_id, id) AS ClientId, created_at AS CreatedAt, revoked_at AS RevokedAt
        FROM platform_api_keys ORDER BY id
        """;

    public Task<IReadOnlyList<ApiKeySummary>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken) =>
        db.QueryAsync<ApiKeySummary>(Sql, ct: cancellationToken);
}

internal sealed class ListApiKeysEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/api-keys", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListApiKeysQuery(), ct))
            .RequireAuthorization(Policies.Admin)
            .WithName("ListApiKeys")
            .WithSummary("List API keys")
            .WithDescription("List API keys (never the keys themselves).");
}
