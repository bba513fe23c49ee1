using Collections.SharedKernel.Operations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collections.Webhooks.Domain;

/// <summary>
/// Polls on the wall clock (an operational cadence, not business time). The poll is a read; only when something is
/// due does the instance take the dispatch lease, so idle instances do not write to the database.
/// </summary>
internal sealed class WebhookDispatcherService(WebhookDispatcher dispatcher, IJobLease lease, WebhookOptions options, ILogger<WebhookDispatcherService> logger) : BackgroundService
{
    public const string JobName = "webhooks.dispatch";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await dispatcher.HasDueAsync(stoppingToken))
                {
                    await lease.RunExclusiveAsync(JobName, TimeSpan.FromMinutes(2), dispatcher.DispatchDueAsync, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Webhook dispatch pass failed; retrying at the next poll.");
            }
        }
    }
}
