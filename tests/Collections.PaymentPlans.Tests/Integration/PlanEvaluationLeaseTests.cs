using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Features.Evaluations;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.PaymentPlans.Tests.Integration;

/// <summary>The daily evaluation with several instances: only the holder of the job lease evaluates.</summary>
public sealed class PlanEvaluationLeaseTests(DatabaseProvider provider) : PlansFixture(provider)
{
    [Test]
    public async Task Evaluation_WhileAnotherInstanceHoldsTheLease_DoesNotRunUntilItIsReleased()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        var planId = (await CreatePlan(App.DebtorSession(debtorId), Terms(invoices))).GetProperty("id").GetString()!;
        App.Time.Advance(TimeSpan.FromDays(15));
        var service = App.Services.GetServices<IHostedService>().OfType<PlanEvaluationService>().Single();
        var otherInstance = ActivatorUtilities.CreateInstance<DatabaseJobLease>(App.Services);

        var held = await otherInstance.TryAcquireAsync(PlanEvaluationService.JobName, TimeSpan.FromMinutes(10));
        Assert.That(held, Is.Not.Null);
        Assert.That(await service.RunOnceAsync(CancellationToken.None), Is.False, "the other instance holds the lease");
        Assert.That(Statuses(await GetPlan(planId))[0], Is.Not.EqualTo("late"));

        await held!.DisposeAsync();
        Assert.That(await service.RunOnceAsync(CancellationToken.None), Is.True);
        Assert.That(Statuses(await GetPlan(planId))[0], Is.EqualTo("late"));
        Assert.That(Published.Of<PaymentPlanInstallmentLate>(n => n.PaymentPlanId == planId), Has.Count.EqualTo(1));
    }
}
