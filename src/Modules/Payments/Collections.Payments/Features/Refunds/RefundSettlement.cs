using System.Data.Common;
using Collections.Payments.Domain;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Operations;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collections.Payments.Features.Refunds;

/// <summary>Asks Stripe for a pending intent's refund, outside any transaction, and commits the answer.</summary>
internal sealed class RefundSettlement(StripeGateway stripe, IMediator mediator, ILogger<RefundSettlement> logger)
{
    /// <summary>
    /// The finished intent, or null when it is still pending: Stripe gave no answer, has not decided yet, or its answer could
    /// not be committed. A refund Stripe has already named is asked for by its id, never created again.
    /// </summary>
    public async Task<RefundIntentRow?> SettleAsync(RefundIntentRow intent, CancellationToken ct)
    {
        FinishRefundIntentCommand finish;
        try
        {
            var answer = intent.StripeRefundId is { } known ? await stripe.RetrieveRefundAsync(known, ct) : await stripe.RefundAsync(intent, ct);
            finish = new FinishRefundIntentCommand(intent.Id, answer, null);
        }
        catch (BusinessRuleException refused)
        {
            finish = new FinishRefundIntentCommand(intent.Id, null, refused.Message);
        }
        catch (NotConfiguredException)
        {
            return null;
        }

        try
        {
            var finished = await mediator.Send(finish, ct);
            return finished.Status == RefundIntentStatuses.Pending ? null : finished;
        }
        catch (DbException exception)
        {
            // Stripe has acted; only our record of it failed. The intent stays pending, and Stripe's refund event or the
            // reconciler books it by the refund's id, once.
            logger.LogError(exception, "Stripe answered refund intent {IntentId}, but the answer could not be committed; it stays pending.", intent.Id);
            return null;
        }
    }
}

/// <summary>
/// Finishes refunds whose request ended before Stripe answered (a timeout, a crash): each pending intent a minute old is
/// asked again with its own key, so Stripe refunds at most once and the answer is booked once.
/// </summary>
internal sealed class RefundReconciler(IServiceScopeFactory scopes, IJobLease lease, TimeProvider time, ILogger<RefundReconciler> logger) : BackgroundService
{
    public const string JobName = "payments.refunds";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(1);

    /// <summary>One pass under the lease; the number of intents it finished.</summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var finished = 0;
        await lease.RunExclusiveAsync(JobName, TimeSpan.FromMinutes(5), async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var settlement = scope.ServiceProvider.GetRequiredService<RefundSettlement>();
            foreach (var intent in await RefundIntentQueries.PendingSinceAsync(db, time.GetUtcNow() - MinimumAge, token))
            {
                if (await settlement.SettleAsync(intent, token) is not null)
                {
                    finished++;
                }
            }
        }, ct);
        return finished;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var finished = await ReconcileAsync(stoppingToken);
                if (finished > 0)
                {
                    logger.LogInformation("Refund reconciliation finished {Count} pending refunds.", finished);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Refund reconciliation failed; will retry.");
            }
        }
    }
}
