using Collections.SharedKernel;
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

namespace Collections.Access.Features.ApiKeys;

/// <param name="RetireOldAfterMinutes">How long the old key keeps working while the client switches over (0 to 10,080; 60 if omitted).</param>
public sealed record RotateApiKeyRequest(int? RetireOldAfterMinutes);

public sealed record RotatedApiKeyResponse(CreatedApiKeyResponse Key, string ReplacedKeyId, DateTimeOffset ReplacedKeyRetiresAt);

internal sealed record RotateApiKeyCommand(string Id, int RetireOldAfterMinutes) : ICommand<RotatedApiKeyResponse>;

internal sealed class RotateApiKeyValidator : AbstractValidator<RotateApiKeyCommand>
{
    public const int MaxMinutes = 7 * 24 * 60;

    public RotateApiKeyValidator() => RuleFor(c => c.RetireOldAfterMinutes).InclusiveBetween(0, MaxMinutes);
}

/// <summary>
/// Replaces a key with a new one of the same name, role and client. Because the client stays, the new key replays what
/// the old one did under an Idempotency-Key instead of running it again.
/// </summary>
internal sealed class RotateApiKeyHandler(DbSession db, TimeProvider time) : IRequestHandler<RotateApiKeyCommand, RotatedApiKeyResponse>
{
    private const string FindSql = $"""
        SELECT name AS Name, role AS Role, COALESCE(client_id, id) AS Client
        FROM platform_api_keys WHERE id = @Id AND {ApiKeyStatus.ActiveCondition}
        """;

    private const string ExistsSql = "SELECT COUNT(*) FROM platform_api_keys WHERE id = @Id";
    private const string RetireSql = "UPDATE platform_api_keys SET revoked_at = @RetiresAt WHERE id = @Id";
    private const string InsertSql = """
        INSERT INTO platform_api_keys (id, name, role, key_hash, key_hint, created_at, client_id)
        VALUES (@Id, @Name, @Role, @Hash, @Hint, @CreatedAt, @Client)
        """;

    public async Task<RotatedApiKeyResponse> Handle(RotateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var old = await db.QuerySingleOrDefaultAsync<KeyRow>(FindSql, new { command.Id, Now = now }, cancellationToken);
        if (old is null)
        {
            throw await db.ExecuteScalarAsync<long>(ExistsSql, new { command.Id }, cancellationToken) == 0
                ? new NotFoundException("API key", command.Id)
                : new BusinessRuleException($"API key {command.Id} is revoked; create a new key instead.");
        }

        var secret = ApiKeySecret.Generate();
        var successor = new CreatedApiKeyResponse(Ids.New("key", time), old.Name, old.Role, secret, now);
        var retiresAt = now.AddMinutes(command.RetireOldAfterMinutes);
        await db.ExecuteAsync(InsertSql, new
        {
            successor.Id,
            successor.Name,
            successor.Role,
            Hash = ApiKeySecret.Hash(secret),
            Hint = ApiKeySecret.Hint(secret),
            successor.CreatedAt,
            old.Client,
        }, cancellationToken);
        await db.ExecuteAsync(RetireSql, new { command.Id, RetiresAt = retiresAt }, cancellationToken);
        return new RotatedApiKeyResponse(successor, command.Id, retiresAt);
    }

    private sealed record KeyRow(string Name, string Role, string Client);
}

internal sealed class RotateApiKeyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/api-keys/{id}/rotate", async (string id, RotateApiKeyRequest? request, IMediator mediator, CancellationToken ct) =>
            {
                var rotated = await mediator.Send(new RotateApiKeyCommand(id, request?.RetireOldAfterMinutes ?? 60), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/api-keys/{rotated.Key.Id}", rotated);
            })
            .RequireAuthorization(Policies.Admin)
            .WithoutIdempotencyKey("The answer carries the new key's secret, which is shown once and never stored.")
            .WithName("RotateApiKey")
            .WithSummary("Rotate an API key")
            .WithDescription("Issue a successor to an active API key, with the same name, role and client, and retire the old key after " +
                "`retireOldAfterMinutes` (default 60, at most 10,080), so the client can switch without downtime. Idempotency-Keys belong to " +
                "the client, so a request retried with the new key is answered from the old key's first response. The new key is shown once.")
            .Produces<RotatedApiKeyResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
