using Collections.Dunning.Delivery;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Dunning.Tests.Integration;

/// <summary>The scheduled run with several instances: only the holder of the job lease runs.</summary>
public sealed class ScheduleLeaseTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [Test]
    public async Task ScheduledRun_WhileAnotherInstanceHoldsTheLease_SendsNothingUntilItIsReleased()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-2));
        var schedule = App.Services.GetServices<IHostedService>().OfType<DunningScheduleService>().Single();
        var otherInstance = ActivatorUtilities.CreateInstance<DatabaseJobLease>(App.Services);

        var held = await otherInstance.TryAcquireAsync(DunningScheduleService.JobName, TimeSpan.FromMinutes(10));
        Assert.That(held, Is.Not.Null);
        Assert.That(await schedule.RunOnceAsync(CancellationToken.None), Is.False, "the other instance holds the lease");
        Assert.That((await Communications(debtorId)).GetArrayLength(), Is.Zero);

        await held!.DisposeAsync();
        Assert.That(await schedule.RunOnceAsync(CancellationToken.None), Is.True);
        Assert.That((await Communications(debtorId)).GetArrayLength(), Is.EqualTo(1));
    }
}
