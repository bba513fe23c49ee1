using Collections.Payments.Domain;
using Collections.Payments.Features.Webhooks;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Operations;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collections.Payments.Features.Checkout;

/// <summary>
/// Ends checkout attempts nothing else will end, under the <c>payments.checkouts</c> job lease. An attempt commits before
/// Stripe is called and its session commits after: a crash (or a lost answer) in between leaves it open without a session.
/// Once it is <see cref="MinimumAge"/> old, Stripe is asked whether it made a session for it: if so the session is recorded
/// (a completion still books it), if not the attempt fails. An attempt whose session is past its expires_at without Stripe's
/// expiry event reaching us ends expired.
/// </summary>
internal sealed class CheckoutSweeper(IServiceScopeFactory scopes, IJobLease lease, TimeProvider time, ILogger<CheckoutSweeper> logger) : BackgroundService
{
    public const string JobName = "payments.checkouts";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Well past the longest a request waits for Stripe (30 s per try, with retries), so the sweeper never races it.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(10);

    /// <summary>Stripe's default session lifetime: only older attempts can have an expired session (each session's expires_at decides).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(24);

    /// <summary>A session still open (or complete, its event on the way) is asked about again after this long.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromHours(1);

    private const int Batch = 50;

    private const string AbandonedSql = "SELECT " + AttemptRow.Columns + """
         FROM payments_attempts WHERE status = 'open' AND stripe_session_id IS NULL AND created_at <= @Before ORDER BY created_at LIMIT @Limit
        """;

    private const string OverdueSql = "SELECT " + AttemptRow.Columns + """
         FROM payments_attempts WHERE status = 'open' AND stripe_session_id IS NOT NULL AND created_at <= @Before AND updated_at <= @CheckedBefore
        ORDER BY updated_at LIMIT @Limit
        """;

    /// <summary>One pass under the lease; the attempts it looked at, with what became of each.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken ct)
    {
        var outcomes = new List<string>();
        await lease.RunExclusiveAsync(JobName, TimeSpan.FromMinutes(5), async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var stripe = scope.ServiceProvider.GetRequiredService<StripeGateway>();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var now = time.GetUtcNow();
            foreach (var attempt in await db.QueryAsync<AttemptRow>(AbandonedSql, new { Before = now - MinimumAge, Limit = Batch }, token))
            {
                // The session is created right after the attempt commits; a few minutes either side cover clocks that differ.
                var session = await AskAsync(() => stripe.FindSessionOfAsync(attempt.Id, attempt.CreatedAt - TimeSpan.FromMinutes(5), attempt.CreatedAt + TimeSpan.FromHours(1), token), attempt.Id);
                if (session.Answered)
                {
                    outcomes.Add(await mediator.Send(new SweepCheckoutAttemptCommand(attempt.Id, session.State), token));
                }
            }

            foreach (var attempt in await db.QueryAsync<AttemptRow>(OverdueSql, new { Before = now - SessionLifetime, CheckedBefore = now - RecheckAfter, Limit = Batch }, token))
            {
                var session = await AskAsync(async () => (StripeSessionState?)await stripe.GetSessionAsync(attempt.StripeSessionId!, token), attempt.Id);
                if (session is { Answered: true, State: not null })
                {
                    outcomes.Add(await mediator.Send(new SweepCheckoutAttemptCommand(attempt.Id, session.State), token));
                }
            }
        }, ct);
        return outcomes;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var outcomes = await SweepAsync(stoppingToken);
                if (outcomes.Count > 0)
                {
                    logger.LogInformation("Checkout sweep: {Outcomes}", string.Join("; ", outcomes));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Checkout sweep failed; will retry.");
            }
        }
    }

    /// <summary>Stripe's answer; not answered when Stripe cannot be reached or refuses (the attempt waits for the next pass).</summary>
    private async Task<(bool Answered, StripeSessionState? State)> AskAsync(Func<Task<StripeSessionState?>> ask, string attemptId)
    {
        try
        {
            return (true, await ask());
        }
        catch (Exception exception) when (exception is NotConfiguredException or BusinessRuleException)
        {
            logger.LogWarning("Checkout sweep could not ask Stripe about attempt {AttemptId}: {Reason}", attemptId, exception.Message);
            return (false, null);
        }
    }
}
