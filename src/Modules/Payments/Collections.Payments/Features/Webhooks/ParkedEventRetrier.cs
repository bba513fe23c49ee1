using Collections.SharedKernel.Operations;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collections.Payments.Features.Webhooks;

/// <summary>Every minute, under the job lease, tries the parked Stripe events whose back-off has run out.</summary>
internal sealed class ParkedEventRetrier(IServiceScopeFactory scopes, IJobLease lease, ILogger<ParkedEventRetrier> logger) : BackgroundService
{
    public const string JobName = "payments.parked-events";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await lease.RunExclusiveAsync(JobName, TimeSpan.FromMinutes(5), async token =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var applied = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RetryParkedStripeEventsCommand(DueOnly: true), token);
                    if (applied > 0)
                    {
                        logger.LogInformation("{Count} parked Stripe events applied.", applied);
                    }
                }, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Retrying parked Stripe events failed; will retry.");
            }
        }
    }
}
