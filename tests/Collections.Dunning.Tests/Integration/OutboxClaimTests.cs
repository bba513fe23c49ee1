using System.Collections.Concurrent;
using System.Threading.Channels;
using Collections.Dunning.Delivery;
using Collections.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning.Tests.Integration;

/// <summary>Two instances draining one outbox while one of them is slow: every e-mail leaves once.</summary>
public sealed class OutboxClaimTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private readonly SlowSender first = new(new ConcurrentQueue<string>());

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IEmailSender>(first);
    }

    [Test]
    public async Task SlowBatch_AcrossTwoInstances_SendsEachMessageOnce()
    {
        var debtors = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (debtorId, ext) = await CreateDebtor();
            await CreateInvoice(ext, Today.AddDays(-2));
            debtors.Add(debtorId);
        }

        await Run();
        var messages = new List<string>();
        foreach (var debtorId in debtors)
        {
            messages.Add((await EmailOf(debtorId)).GetProperty("id").GetString()!);
        }

        await using var second = StartAnotherInstance(new SlowSender(first.Sends));
        first.Slow = true;
        var slowBatch = DispatchOn(App);
        var sentFirst = await first.StartedAsync();

        // Ten minutes pass before the slow batch claims its next e-mail: twice the claim lease after the batch began.
        App.Time.Advance(TimeSpan.FromMinutes(10));
        second.Time.SetUtcNow(App.Time.GetUtcNow());
        first.FinishOne();
        var sendingNow = await first.StartedAsync();
        var sentBySecond = await DispatchOn(second);
        first.FinishAll();
        await slowBatch.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(first.Sends.Where(messages.Contains), Is.EquivalentTo(messages), "each e-mail sent exactly once");
        Assert.That(new[] { sentFirst, sendingNow }, Is.SubsetOf(messages));
        Assert.That(sentBySecond, Is.EqualTo(1), "the other instance takes only the e-mail nobody has claimed");
        foreach (var debtorId in debtors)
        {
            var email = await EmailOf(debtorId);
            Assert.That((email.GetProperty("status").GetString(), email.GetProperty("attempts").GetInt32()), Is.EqualTo(("sent", 1)));
        }
    }

    /// <summary>Records every send in a log the instances share; while Slow, each send waits until the test finishes it.</summary>
    private sealed class SlowSender(ConcurrentQueue<string> sends) : IEmailSender
    {
        private readonly Channel<string> started = Channel.CreateUnbounded<string>();
        private readonly SemaphoreSlim finish = new(0);

        public ConcurrentQueue<string> Sends => sends;

        public bool Slow { get; set; }

        public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
        {
            if (Slow)
            {
                started.Writer.TryWrite(email.MessageId);
                await finish.WaitAsync(ct);
            }

            sends.Enqueue(email.MessageId);
        }

        public async Task<string> StartedAsync() => await started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        public void FinishOne() => finish.Release();

        public void FinishAll()
        {
            Slow = false;
            finish.Release(100);
        }
    }
}
