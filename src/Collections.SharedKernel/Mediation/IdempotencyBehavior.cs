using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using MediatR;

namespace Collections.SharedKernel.Mediation;

/// <summary>
/// Holds the key, the effects and the stored response in one transaction, so a crash can never leave money moved
/// without its key, or a key without its effects. A business-rule refusal (403, 404, 422) is stored too, after its
/// transaction rolled back, so a retry gets the same answer instead of a different one from a world that moved on;
/// a 409 is not stored: it asks the client to retry. Validation errors (400) never reach this far and are not stored.
/// A request whose key is already running in this process is answered 409 at once (IETF Idempotency-Key draft) instead of
/// waiting for the first to finish; across instances the database serialises them and the second replays.
/// </summary>
internal sealed class IdempotencyBehavior<TRequest, TResponse>(DbSession db, CallerContext caller, IdempotencyContext context, TimeProvider time)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const string FindSql = """
        SELECT request_hash AS RequestHash, response_json AS ResponseJson, failure_status AS FailureStatus, failure_detail AS FailureDetail
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

    private const string RefusedSql = """
        INSERT INTO platform_idempotency_keys (scope, idempotency_key, request_hash, failure_status, failure_detail, created_at)
        VALUES (@Scope, @Key, @Hash, @Status, @Detail, @Now)
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ConcurrentDictionary<(string Scope, string Key), byte> Running = new();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var key = request switch
        {
            IIdempotentCommand<TResponse> command => command.IdempotencyKey,
            ICommand<TResponse> => context.TakeOptionalKey(),
            _ => null,
        };
        if (key is null)
        {
            return await next();
        }

        var scope = $"{IdempotencyContext.OwnerOf(caller.Current)}:{typeof(TRequest).Name}";
        if (!Running.TryAdd((scope, key), 0))
        {
            throw InFlight();
        }

        try
        {
            return await RunOnceAsync(request, scope, key, next, cancellationToken);
        }
        finally
        {
            Running.TryRemove((scope, key), out _);
        }
    }

    private async Task<TResponse> RunOnceAsync(TRequest request, string scope, string key, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Json)));
        var outermost = !db.InTransaction;
        var handlerRan = false;
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var stored = await db.QuerySingleOrDefaultAsync<StoredOutcome>(FindSql, new { Scope = scope, Key = key }, cancellationToken);
                if (stored is not null)
                {
                    return Replay(stored, hash);
                }

                try
                {
                    await db.ExecuteAsync(ReserveSql, new { Scope = scope, Key = key, Hash = hash, Now = time.GetUtcNow() }, cancellationToken);
                }
                catch (DbException exception) when (exception.IsUniqueViolation())
                {
                    throw InFlight();
                }

                handlerRan = true;
                var response = await next();
                await db.ExecuteAsync(CompleteSql, new { Scope = scope, Key = key, Response = JsonSerializer.Serialize(response, Json) }, cancellationToken);
                return response;
            }, cancellationToken);
        }
        catch (Exception refusal) when (handlerRan && outermost && StatusOf(refusal) is { } status)
        {
            await RememberRefusalAsync(scope, key, hash, status, refusal.Message, cancellationToken);
            throw;
        }
    }

    private static ConflictException InFlight() =>
        new("A request with this Idempotency-Key is being processed. Retry it to receive its response.");

    private TResponse Replay(StoredOutcome stored, string hash)
    {
        if (stored.RequestHash != hash)
        {
            throw new BusinessRuleException("This Idempotency-Key was already used with a different request body.");
        }

        context.Replayed = true;
        return stored.FailureStatus switch
        {
            null => JsonSerializer.Deserialize<TResponse>(stored.ResponseJson!, Json)!,
            403 => throw new ForbiddenException(stored.FailureDetail ?? string.Empty),
            404 => throw NotFoundException.Because(stored.FailureDetail ?? string.Empty),
            _ => throw new BusinessRuleException(stored.FailureDetail ?? string.Empty),
        };
    }

    private static int? StatusOf(Exception refusal) => refusal switch
    {
        ForbiddenException => 403,
        NotFoundException => 404,
        BusinessRuleException => 422,
        _ => null,
    };

    private async Task RememberRefusalAsync(string scope, string key, string hash, int status, string detail, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                () => db.ExecuteAsync(RefusedSql, new { Scope = scope, Key = key, Hash = hash, Status = status, Detail = detail, Now = time.GetUtcNow() }, ct), ct);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            // A concurrent request with the same key finished first; its outcome is the one a retry replays.
        }
    }

    /// <summary>Settable properties, not a constructor: SQLite reads the status as a long, SQL Server as an int.</summary>
    private sealed class StoredOutcome
    {
        public string RequestHash { get; init; } = string.Empty;

        public string? ResponseJson { get; init; }

        public int? FailureStatus { get; init; }

        public string? FailureDetail { get; init; }
    }
}

/// <summary>
/// The request's idempotency state: an optional key sent to an endpoint that accepts one (taken by the first command
/// the request sends, so nested commands do not reuse it), and whether the answer came from a stored outcome — the host
/// then adds `Idempotent-Replayed: true`.
/// </summary>
public sealed class IdempotencyContext
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>How long a key is remembered; a repeat after that runs again (docs/operations.md).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private string? optionalKey;

    public bool Replayed { get; set; }

    public void AcceptOptionalKey(string key) => optionalKey = key;

    public string? TakeOptionalKey() => Interlocked.Exchange(ref optionalKey, null);

    /// <summary>
    /// Whose keys these are: a debtor's, whichever of its sessions sends them (a new session must not run a payment
    /// again), or the API key's client (a rotated key must not either).
    /// </summary>
    public static string OwnerOf(Caller caller) => caller.IsDebtor ? $"debtor:{caller.DebtorId}" : caller.Client ?? caller.Id;
}
