using Collections.SharedKernel.Operations;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collections.Invoicing.Features.LateFees;

/// <summary>
/// Assesses late fees every hour (Invoicing:LateFees:AssessmentInterval). Repeating is harmless: every period is
/// decided once, so hourly runs, a missed day or a restart all end with the fees one daily run would give.
/// Each run holds the job lease, so with several instances only one assesses at a time.
/// </summary>
internal sealed class LateFeeAssessmentService(IServiceScopeFactory scopes, IJobLease lease, IConfiguration configuration, TimeProvider time, ILogger<LateFeeAssessmentService> logger)
    : BackgroundService
{
    public const string JobName = "invoicing.late-fees";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Invoicing:LateFees:AssessmentInterval", TimeSpan.FromHours(1));
        if (!configuration.GetValue("Invoicing:LateFees:BackgroundAssessment", true) || interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Late-fee assessment failed; it will run again at the next interval.");
            }
        }
    }

    /// <summary>One assessment under the lease; false when another instance holds it (that instance assesses).</summary>
    internal Task<bool> RunOnceAsync(CancellationToken ct) =>
        lease.RunExclusiveAsync(JobName, LeaseDuration, async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AssessLateFeesCommand(null), token);
            if (run.Fees.Count > 0)
            {
                logger.LogInformation("Late-fee assessment charged {Count} fees on {Examined} invoices.", run.Fees.Count, run.InvoicesExamined);
            }
        }, ct);
}
