using Collections.Dunning.Delivery;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning.Tests.Integration;

/// <summary>
/// Sends that outlive their claim. A send is abandoned after Dunning:SendTimeout, inside the claim (five send
/// timeouts, here two seconds); a dispatcher that stalls anyway (a paused process) records nothing once another has
/// taken the e-mail over.
/// </summary>
public sealed class StaleClaimTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private readonly StallingSender first = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Dunning:SendTimeout", "00:00:00.400")];

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IEmailSender>(first);
    }

    [TestCase(true, TestName = "StalledDispatcher_WhoseSendSucceedsAfterAnotherTookItsExpiredClaim_RecordsNothing")]
    [TestCase(false, TestName = "StalledDispatcher_WhoseSendFailsAfterAnotherTookItsExpiredClaim_RecordsNothing")]
    public async Task StalledDispatcher_AfterAnotherTookItsExpiredClaim_RecordsNothing(bool accepted)
    {
        var (debtorId, messageId) = await DebtorWithQueuedEmail();
        var takingOver = new StallingSender();
        await using var second = StartAnotherInstance(takingOver);
        first.Stall(messageId);
        takingOver.Stall(messageId);

        var stalled = DispatchOn(App);
        await first.Started.WaitAsync(TimeSpan.FromSeconds(30));

        // Past the claim on every clock: ten minutes on the instances' (business) clocks, the lease on the database's.
        App.Time.Advance(TimeSpan.FromMinutes(10));
        second.Time.SetUtcNow(App.Time.GetUtcNow());
        var takeover = await DispatchUntilItStallsAsync(second, takingOver);
        first.End(accepted);
        await stalled.WaitAsync(TimeSpan.FromSeconds(30));
        var afterStalled = await EmailOf(debtorId);
        takingOver.End(accepted: true);
        await takeover.WaitAsync(TimeSpan.FromSeconds(30));
        var afterTakeover = await EmailOf(debtorId);

        Assert.That(Delivery(afterStalled), Is.EqualTo(("sending", 0, (string?)null)), "the stalled dispatcher's outcome is not recorded over the new claim");
        Assert.That(Delivery(afterTakeover), Is.EqualTo(("sent", 1, (string?)null)));
    }

    [Test]
    public async Task Send_WhenTheMailServerNeverAnswers_IsAbandonedAfterTheSendTimeoutAndRetried()
    {
        var (debtorId, messageId) = await DebtorWithQueuedEmail();
        first.NeverAnswer(messageId);

        await DispatchOn(App).WaitAsync(TimeSpan.FromSeconds(20));

        var email = await EmailOf(debtorId);
        Assert.That((email.GetProperty("status").GetString(), email.GetProperty("attempts").GetInt32()), Is.EqualTo(("queued", 1)));
        Assert.That(email.GetProperty("lastError").GetString(), Does.Contain("No answer from the mail server within 00:00:00.4"));
    }

    private async Task<(string DebtorId, string MessageId)> DebtorWithQueuedEmail()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-2));
        await Run();
        return (debtorId, (await EmailOf(debtorId)).GetProperty("id").GetString()!);
    }

    private static (string? Status, int Attempts, string? LastError) Delivery(System.Text.Json.JsonElement email) =>
        (email.GetProperty("status").GetString(), email.GetProperty("attempts").GetInt32(), email.GetProperty("lastError").GetString());

    /// <summary>Dispatches on the instance until it claims the e-mail its sender stalls on, and returns that batch.</summary>
    private static async Task<Task<int>> DispatchUntilItStallsAsync(CollectionsApp instance, StallingSender sender)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var batch = DispatchOn(instance);
            if (await Task.WhenAny(batch, sender.Started) != batch)
            {
                return batch;
            }

            await batch;
            await Task.Delay(200);
        }

        throw new AssertionException("The other instance never took the e-mail over.");
    }

    /// <summary>Sends every e-mail at once, except one the test chose: that one stalls or is never answered.</summary>
    private sealed class StallingSender : IEmailSender
    {
        private string? stallOn;
        private string? neverAnswer;
        private TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource<bool> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => started.Task;

        /// <summary>The e-mail's send stalls until <see cref="End"/>, deaf to its token as a paused process is.</summary>
        public void Stall(string messageId)
        {
            (stallOn, neverAnswer) = (messageId, null);
            started = new(TaskCreationOptions.RunContinuationsAsynchronously);
            outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void End(bool accepted) => outcome.SetResult(accepted);

        /// <summary>The e-mail's send waits for an answer that never comes, until its token ends it.</summary>
        public void NeverAnswer(string messageId) => (stallOn, neverAnswer) = (null, messageId);

        public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
        {
            if (email.MessageId == neverAnswer)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            if (email.MessageId == stallOn)
            {
                started.TrySetResult();
                if (!await outcome.Task)
                {
                    throw new IOException("451 refused by test double");
                }
            }
        }
    }
}
