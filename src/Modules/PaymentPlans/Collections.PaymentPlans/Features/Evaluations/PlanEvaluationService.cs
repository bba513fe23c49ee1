using Collections.SharedKernel.Operations;
using Collections.SharedKernel.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collections.PaymentPlans.Features.Evaluations;

internal sealed class PlanEvaluationOptions
{
    public const string Section = "PaymentPlans:Evaluation";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>Judges the plans once at start-up and then every interval, as the system caller, under the job lease so one instance does it.</summary>
internal sealed class PlanEvaluationService(IServiceScopeFactory scopes, IJobLease lease, TimeProvider time, IOptions<PlanEvaluationOptions> options, ILogger<PlanEvaluationService> logger)
    : BackgroundService
{
    public const string JobName = "payment-plans.evaluation";

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Payment plan evaluation failed; it runs again at the next interval.");
            }

            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One evaluation under the lease; false when another instance holds it (that instance evaluates).</summary>
    internal Task<bool> RunOnceAsync(CancellationToken ct) =>
        lease.RunExclusiveAsync(JobName, LeaseDuration, async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CallerContext>().Current = Caller.System;
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EvaluatePaymentPlansCommand(null), token);
            logger.LogInformation("Payment plans evaluated: {Evaluated} plans, {Late} late installments, {Defaulted} defaulted.", result.Evaluated, result.LateInstallments, result.Defaulted);
        }, ct);
}
