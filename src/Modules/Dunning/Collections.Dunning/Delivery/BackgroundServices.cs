using Collections.Dunning.Domain;
using Collections.Dunning.Features.Runs;
using Collections.SharedKernel.Operations;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collections.Dunning.Delivery;

/// <summary>Drains the e-mail outbox every DispatchInterval.</summary>
internal sealed class OutboxDispatcherService(IServiceScopeFactory scopes, DunningOptions options, ILogger<OutboxDispatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.BackgroundEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.DispatchInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(200, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Outbox dispatch failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>
/// Runs dunning every RunInterval as of each debtor's local today. Runs are idempotent, so running hourly only means a
/// debtor's new day is picked up soon after its local midnight; after downtime the next run catches up. Each run holds
/// the job lease: with several instances one runs and the others skip that tick, instead of racing on the same steps.
/// </summary>
internal sealed class DunningScheduleService(IServiceScopeFactory scopes, IJobLease lease, DunningOptions options, ILogger<DunningScheduleService> logger) : BackgroundService
{
    public const string JobName = "dunning.run";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.BackgroundEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.RunInterval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Scheduled dunning run failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run under the lease; false when another instance holds it (that instance runs).</summary>
    internal Task<bool> RunOnceAsync(CancellationToken ct) =>
        lease.RunExclusiveAsync(JobName, LeaseDuration, async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunDunningCommand(null, false), token);
        }, ct);
}
