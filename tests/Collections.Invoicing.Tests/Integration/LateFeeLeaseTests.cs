using System.Net;
using System.Text.Json;
using Collections.Invoicing.Features.LateFees;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Invoicing.Tests.Integration;

/// <summary>The hourly assessment with several instances: only the holder of the job lease assesses.</summary>
public sealed class LateFeeLeaseTests(DatabaseProvider provider) : ApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Invoicing:LateFees:BackgroundAssessment"] = "false",
    };

    [Test]
    public async Task Assessment_WhileAnotherInstanceHoldsTheLease_DoesNotRunUntilItIsReleased()
    {
        var debtor = Unique("deb");
        var debtorId = (await Erp.PutDebtor(debtor)).GetProperty("id").GetString()!;
        var body = JsonSerializer.SerializeToNode(TestData.InvoiceBody(debtor, 1000m, "2026-01-01", "2026-02-01"))!.AsObject();
        body["lateFeePolicy"] = JsonSerializer.SerializeToNode(new { kind = "flat", amount = 40m, graceDays = 5, periodDays = 30 });
        await Erp.PutInvoice(Unique("inv"), body);
        var service = App.Services.GetServices<IHostedService>().OfType<LateFeeAssessmentService>().Single();
        var otherInstance = ActivatorUtilities.CreateInstance<DatabaseJobLease>(App.Services);

        var held = await otherInstance.TryAcquireAsync(LateFeeAssessmentService.JobName, TimeSpan.FromMinutes(10));
        Assert.That(held, Is.Not.Null);
        Assert.That(await service.RunOnceAsync(CancellationToken.None), Is.False, "the other instance holds the lease");
        Assert.That(await FeeActivities(debtorId), Is.Zero);

        await held!.DisposeAsync();
        Assert.That(await service.RunOnceAsync(CancellationToken.None), Is.True);
        Assert.That(await FeeActivities(debtorId), Is.EqualTo(1));
    }

    private async Task<int> FeeActivities(string debtorId)
    {
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK);
        return activity.GetProperty("items").EnumerateArray().Count(a => a.GetProperty("type").GetString() == "late_fee.assessed");
    }
}
