using Collections.Disputes.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Collections.SharedKernel.Portal;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Operations.Tests.Integration;

/// <summary>Two hosts on one database, as two instances behind a load balancer.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public sealed class MultiInstanceTests(DatabaseProvider provider)
{
    private static readonly Dictionary<string, string?> NoDispatcher = new()
    {
        ["Webhooks:DispatcherEnabled"] = "false",
        ["Webhooks:QuickRetries"] = "0",
        ["Webhooks:AllowLoopbackHttp"] = "true",
    };

    private TestDatabase database = null!;
    private CollectionsApp first = null!;
    private CollectionsApp second = null!;
    private WebhookReceiver receiver = null!;

    [SetUp]
    public async Task Start()
    {
        database = await TestDatabase.CreateAsync(provider);
        first = new CollectionsApp(database, NoDispatcher);
        first.CreateClient().Dispose();
        second = new CollectionsApp(database, NoDispatcher);
        second.CreateClient().Dispose();
        receiver = await WebhookReceiver.StartAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }

        if (second is not null)
        {
            await second.DisposeAsync();
        }

        if (first is not null)
        {
            await first.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task Lease_WhenHeldByOneInstance_IsRefusedToTheOtherUntilReleasedOrExpired()
    {
        var a = first.Services.GetRequiredService<IJobLease>();
        var b = second.Services.GetRequiredService<IJobLease>();
        Assert.That(a.InstanceId, Is.Not.EqualTo(b.InstanceId));

        var held = await a.TryAcquireAsync("dunning.run", TimeSpan.FromMinutes(5));
        Assert.That(held, Is.Not.Null);
        Assert.That(await b.TryAcquireAsync("dunning.run", TimeSpan.FromMinutes(5)), Is.Null);
        Assert.That(await b.TryAcquireAsync("late-fees.assess", TimeSpan.FromMinutes(5)), Is.Not.Null, "leases are per job");

        await held!.DisposeAsync();
        var taken = await b.TryAcquireAsync("dunning.run", TimeSpan.FromSeconds(2));
        Assert.That(taken, Is.Not.Null, "released leases are free at once");

        Assert.That(await a.TryAcquireAsync("dunning.run", TimeSpan.FromMinutes(5)), Is.Null, "not before expiry");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.That(await a.TryAcquireAsync("dunning.run", TimeSpan.FromMinutes(5)), Is.Not.Null, "an expired lease (dead holder) is taken over");
        Assert.That(await taken!.RenewAsync(), Is.False, "the old holder learns it lost the lease");
    }

    [Test]
    public async Task Lease_ExpiresOnTheDatabaseClock_NotOnAnInstanceClockThatRunsAhead()
    {
        var held = await first.Services.GetRequiredService<IJobLease>().TryAcquireAsync("dunning.run", TimeSpan.FromMinutes(5));
        Assert.That(held, Is.Not.Null);

        second.Time.Advance(TimeSpan.FromHours(1));
        Assert.That(await second.Services.GetRequiredService<IJobLease>().TryAcquireAsync("dunning.run", TimeSpan.FromMinutes(5)), Is.Null,
            "an instance whose clock is an hour ahead does not see the lease as expired");
        first.Time.Advance(TimeSpan.FromHours(2));
        Assert.That(await held!.RenewAsync(), Is.True, "nor does the holder, whatever its own clock says");
    }

    [Test]
    public async Task RunExclusive_WhenBothInstancesStartTheSameJob_RunsItOnce()
    {
        var release = new TaskCompletionSource();
        var runs = 0;
        async Task Work(CancellationToken ct)
        {
            Interlocked.Increment(ref runs);
            await release.Task.WaitAsync(ct);
        }

        var onFirst = first.Services.GetRequiredService<IJobLease>().RunExclusiveAsync("insights.rebuild", TimeSpan.FromMinutes(1), Work);
        await Task.Delay(200);
        var onSecond = await second.Services.GetRequiredService<IJobLease>().RunExclusiveAsync("insights.rebuild", TimeSpan.FromMinutes(1), Work);
        release.SetResult();

        Assert.That(await onFirst, Is.True);
        Assert.That(onSecond, Is.False);
        Assert.That(runs, Is.EqualTo(1));
        Assert.That(await second.Services.GetRequiredService<IJobLease>().RunExclusiveAsync("insights.rebuild", TimeSpan.FromMinutes(1), _ => Task.CompletedTask),
            Is.True, "free again once the first run finished");
    }

    [Test]
    public void PortalLink_WhenMadeOnOneInstance_OpensOnTheOther()
    {
        var link = first.Services.GetRequiredService<IPortalLinks>().CreateLink("deb_shared", null, "lnk_shared");
        var token = Uri.UnescapeDataString(link.Fragment.Split("token=")[1].Split('&')[0]);

        Assert.That(second.Services.GetRequiredService<IPortalLinks>().ReadToken(token), Is.EqualTo("deb_shared"));
    }

    [Test]
    public async Task Webhooks_WhenBothInstancesDispatchAtOnce_AreSentOnceEachInOrder()
    {
        using var admin = first.ClientWithKey(CollectionsApp.AdminKey);
        await admin.CreateEndpointAsync(receiver.Url, "dispute.opened");
        for (var i = 0; i < 12; i++)
        {
            await first.PublishInTransaction(new DisputeOpened($"dsp_{i:D2}", "deb_x", "inv_x", 100, "EUR", "quality", first.Time.GetUtcNow()));
        }

        await Task.WhenAll(first.DispatchAsync(), second.DispatchAsync(), first.DispatchAsync(), second.DispatchAsync());
        await first.DispatchAsync();

        var disputes = receiver.Received.Select(r => r.Json().GetProperty("data").GetProperty("disputeId").GetString()).ToList();
        Assert.That(disputes, Is.EqualTo(Enumerable.Range(0, 12).Select(i => $"dsp_{i:D2}")));
    }

    [Test]
    public async Task Webhook_WhenTheApiRestartsMidRetry_IsDeliveredByTheNextInstance()
    {
        using (var admin = first.ClientWithKey(CollectionsApp.AdminKey))
        {
            await admin.CreateEndpointAsync(receiver.Url, "dispute.opened");
        }

        receiver.Answer = call => call == 1 ? 502 : 200;
        await first.PublishInTransaction(new DisputeOpened("dsp_restart", "deb_x", "inv_x", 100, "EUR", "quality", first.Time.GetUtcNow()));
        await first.DispatchAsync();
        await first.DisposeAsync();

        await using var restarted = new CollectionsApp(database, NoDispatcher);
        restarted.Time.SetUtcNow(first.Time.GetUtcNow().AddMinutes(10));
        Assert.That(await restarted.DispatchAsync(), Is.EqualTo(1));

        Assert.That(receiver.Calls, Is.EqualTo(2));
        Assert.That(receiver.Accepted.Single().EventId, Is.EqualTo(receiver.Received.First().EventId));
        first = new CollectionsApp(database, NoDispatcher);
    }

    [Test]
    public async Task Dispatcher_WhenRunningInTheBackground_DeliversWithoutBeingAsked()
    {
        await using var background = new CollectionsApp(database, new Dictionary<string, string?>
        {
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:AllowLoopbackHttp"] = "true",
            ["Webhooks:QuickRetries"] = "2",
            ["Webhooks:QuickRetryDelay"] = "00:00:00.010",
        });
        using var admin = background.ClientWithKey(CollectionsApp.AdminKey);
        var (endpointId, _) = await admin.CreateEndpointAsync(receiver.Url, "*");
        receiver.Answer = call => call <= 2 ? 500 : 204;

        await admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null);
        for (var wait = 0; wait < 100 && receiver.Accepted.Count == 0; wait++)
        {
            await Task.Delay(100);
        }

        Assert.That(receiver.Accepted, Has.Count.EqualTo(1));
        Assert.That(receiver.Calls, Is.EqualTo(3), "two quick retries inside one attempt");
        var log = await admin.DeliveriesAsync(endpointId);
        Assert.That(log.Single().GetProperty("attempts").GetInt32(), Is.EqualTo(1));
        Assert.That(log.Single().GetProperty("status").GetString(), Is.EqualTo("delivered"));
    }
}
