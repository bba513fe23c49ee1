using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using MediatR;

namespace Collections.SharedKernel.Mediation;

/// <summary>
/// Runs inside the command's transaction, so the stored response commits with the effects it
/// describes: a crash can never leave money moved without its key, or a key without its effects.
/// </summary>
internal sealed class IdempotencyBehavior<TRequest, TResponse>(DbSession db, CallerContext caller, IdempotencyReplay replay, TimeProvider time)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const string FindSql = """
        SELECT request_hash AS RequestHash, response_json AS ResponseJson
        FROM platform_idempotency_keys WHERE scope = @Scope AND idempotency_key = @Key
        """;

    private const string ReserveSql = """
        INSERT INTO platform_idempotency_keys (scope, idempotency_key, request_hash, created_at)
        VALUES (@Scope, @Key, @Hash, @Now)
        """;

    private const string CompleteSql = """
        UPDATE platform_idempotency_keys SET response_json = @Response
        WHERE scope = @Scope AND idempotency_key = @Key
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand<TResponse> command)
        {
            return await next();
        }

        var scope = $"{IdempotencyReplay.OwnerOf(caller.Current)}:{typeof(TRequest).Name}";
        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Json)));
        var stored = await db.QuerySingleOrDefaultAsync<StoredResponse>(FindSql, new { Scope = scope, Key = command.IdempotencyKey }, cancellationToken);
        if (stored is not null)
        {
            if (stored.RequestHash != hash)
            {
                throw new BusinessRuleException("This Idempotency-Key was already used with a different request body.");
            }

            replay.Replayed = true;
            return JsonSerializer.Deserialize<TResponse>(stored.ResponseJson!, Json)!;
        }

        try
        {
            await db.ExecuteAsync(ReserveSql, new { Scope = scope, Key = command.IdempotencyKey, Hash = hash, Now = time.GetUtcNow() }, cancellationToken);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            throw new ConflictException("A request with this Idempotency-Key is being processed. Retry it to receive its response.");
        }

        var response = await next();
        await db.ExecuteAsync(CompleteSql, new { Scope = scope, Key = command.IdempotencyKey, Response = JsonSerializer.Serialize(response, Json) }, cancellationToken);
        return response;
    }

    private sealed record StoredResponse(string RequestHash, string? ResponseJson);
}

/// <summary>Whether this request was answered from a stored response; the host then adds `Idempotent-Replayed: true`.</summary>
public sealed class IdempotencyReplay
{
    public const string Header = "Idempotent-Replayed";

    /// <summary>How long a key is remembered; a repeat after that runs again (docs/operations.md).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public bool Replayed { get; set; }

    /// <summary>
    /// Whose keys these are: a debtor's, whichever of its sessions sends them (a new session must not run a payment
    /// again), or the API key's.
    /// </summary>
    public static string OwnerOf(Caller caller) => caller.IsDebtor ? $"debtor:{caller.DebtorId}" : caller.Id;
}
