using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Access.Features.ApiKeys;

internal sealed record RevokeApiKeyCommand(string Id) : ICommand<bool>;

internal sealed class RevokeApiKeyHandler(DbSession db, TimeProvider time) : IRequestHandler<RevokeApiKeyCommand, bool>
{
    private const string FindSql = "SELECT role AS Role, revoked_at AS RevokedAt FROM platform_api_keys WHERE id = @Id";
    private const string OtherAdminsSql = $"SELECT COUNT(*) FROM platform_api_keys WHERE role = 'admin' AND {ApiKeyStatus.ActiveCondition} AND id <> @Id";
    private const string RevokeSql = $"UPDATE platform_api_keys SET revoked_at = @Now WHERE id = @Id AND {ApiKeyStatus.ActiveCondition}";

    public async Task<bool> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.QuerySingleOrDefaultAsync<KeyRow>(FindSql, new { command.Id }, cancellationToken)
            ?? throw new NotFoundException("API key", command.Id);
        var now = time.GetUtcNow();
        if (key.RevokedAt <= now)
        {
            return false;
        }

        if (key.Role == Roles.Admin && await db.ExecuteScalarAsync<long>(OtherAdminsSql, new { command.Id, Now = now }, cancellationToken) == 0)
        {
            throw new ConflictException("This is the last active admin key; create another admin key before revoking it.");
        }

        await db.ExecuteAsync(RevokeSql, new { command.Id, Now = now }, cancellationToken);
        return true;
    }

    private sealed record KeyRow(string Role, DateTimeOffset? RevokedAt);
}

internal sealed class RevokeApiKeyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/api-keys/{id}", async (string id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeApiKeyCommand(id), ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("Revoke an API key. It is refused from then on, also when a rotation had given it a later retirement.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
