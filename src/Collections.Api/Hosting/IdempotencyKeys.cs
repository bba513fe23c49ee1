using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Operations;

namespace Collections.Api.Hosting;

internal static class IdempotencyKeys
{
    /// <summary>Marks a response that repeats a stored one, so a client can tell its retry did nothing new.</summary>
    public static WebApplication UseIdempotencyReplayHeader(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var replay = context.RequestServices.GetRequiredService<IdempotencyContext>();
            context.Response.OnStarting(() =>
            {
                if (replay.Replayed)
                {
                    context.Response.Headers[IdempotencyContext.ReplayedHeader] = "true";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}

/// <summary>Forgets idempotency keys after <see cref="IdempotencyContext.Lifetime"/>, hourly, on one instance at a time.</summary>
internal sealed class IdempotencyKeyCleanup(IServiceScopeFactory scopes, IJobLease lease, TimeProvider time, ILogger<IdempotencyKeyCleanup> logger) : BackgroundService
{
    public const string JobName = "platform.idempotency-keys";

    private const string ExpiredSql = "DELETE FROM platform_idempotency_keys WHERE created_at < @Before";

    public async Task<int> CleanUpAsync(CancellationToken ct)
    {
        var removed = 0;
        await lease.RunExclusiveAsync(JobName, TimeSpan.FromMinutes(5), async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            removed = await db.InTransactionAsync(() => db.ExecuteAsync(ExpiredSql, new { Before = time.GetUtcNow() - IdempotencyContext.Lifetime }, token), token);
        }, ct);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await CleanUpAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Removing expired idempotency keys failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
