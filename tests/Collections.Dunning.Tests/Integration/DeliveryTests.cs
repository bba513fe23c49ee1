using Collections.Dunning.Delivery;
using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning.Tests.Integration;

/// <summary>The outbox without SMTP: .eml files, retries with back-off, failure after MaxAttempts, contact hours at dispatch.</summary>
public sealed class DeliveryTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private readonly FlakySender sender = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Dunning:MaxAttempts", "3"), new("Dunning:RetryBaseDelay", "00:01:00")];

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IEmailSender>(sp => sender.Wrapping(new EmlFileSender(sp.GetRequiredService<SmtpOptions>(), sp.GetRequiredService<DunningOptions>())));
    }

    [Test]
    public async Task Dispatch_WhenSendingFails_RetriesWithBackoffThenDeliversAsEmlFile()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-2), number: "EML-1");
        await Run();
        sender.FailuresLeft = 1;
        sender.OnlyContaining = "EML-1";

        await Dispatch();
        var first = await StatusOf(debtorId);
        await Dispatch();
        var tooSoon = await StatusOf(debtorId);
        AdvanceTo(App.Time.GetUtcNow().AddMinutes(1));
        await Dispatch();

        sender.OnlyContaining = null;
        Assert.That((first, tooSoon), Is.EqualTo(("queued", "queued")));
        var message = (await Communications(debtorId)).EnumerateArray().Single();
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("sent"));
        Assert.That(message.GetProperty("attempts").GetInt32(), Is.EqualTo(2));
        var eml = await File.ReadAllTextAsync(Path.Combine(OutboxDirectory, message.GetProperty("id").GetString() + ".eml"));
        Assert.That(eml, Does.Contain("anna@acme.example").And.Contain("EML-1"));
    }

    [Test]
    public async Task Dispatch_WhenEveryAttemptFails_MarksFailedWithTheError()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-2));
        await Run();
        sender.FailuresLeft = 100;

        for (var i = 0; i < 3; i++)
        {
            await Dispatch();
            AdvanceTo(App.Time.GetUtcNow().AddMinutes(5));
        }

        sender.FailuresLeft = 0;
        var message = (await Communications(debtorId)).EnumerateArray().Single();
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(message.GetProperty("attempts").GetInt32(), Is.EqualTo(3));
        Assert.That(message.GetProperty("lastError").GetString(), Does.Contain("relay refused"));
    }

    [Test]
    public async Task Dispatch_WhenOutsideContactHours_WaitsForTheNextWindow()
    {
        // Move to Saturday 10:00 UTC.
        var now = App.Time.GetUtcNow();
        AdvanceTo(now.AddDays(((int)DayOfWeek.Saturday - (int)now.DayOfWeek + 7) % 7).Date.AddHours(10));
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-2));
        var run = await Run();
        var notBefore = Of(run, "messages", debtorId).Single().GetProperty("notBefore").GetDateTimeOffset();

        await Dispatch();
        var weekend = (await Communications(debtorId)).EnumerateArray().Single().GetProperty("status").GetString();
        AdvanceTo(notBefore);
        await Dispatch();
        var monday = (await Communications(debtorId)).EnumerateArray().Single().GetProperty("status").GetString();

        Assert.That(notBefore.DayOfWeek, Is.EqualTo(DayOfWeek.Monday));
        Assert.That((weekend, monday), Is.EqualTo(("queued", "sent")));
    }

    [TestCase("Asia/Tokyo", "2026-03-03T08:59:00Z", "2026-03-03T23:00:00Z", TestName = "Retry_AfterAFailureAtClosingTime_WaitsForTokyosNextMorning")]
    [TestCase("America/Los_Angeles", "2026-03-07T01:59:00Z", "2026-03-09T15:00:00Z", TestName = "Retry_AfterAFridayEveningFailure_WaitsForMonday0800InLosAngelesAcrossTheDstChange")]
    public async Task Retry_StaysInsideTheDebtorsContactHours(string zone, string failsAt, string nextOpening)
    {
        AdvanceTo(DateTimeOffset.Parse(failsAt));
        var (debtorId, ext) = await CreateDebtor(timeZone: zone, country: "US");
        var number = "RW-" + zone[..4];
        await CreateInvoice(ext, Today.AddDays(-2), number: number);
        await Run();
        (sender.FailuresLeft, sender.OnlyContaining) = (1, number);

        await Dispatch();
        var failed = await StatusOf(debtorId);
        AdvanceTo(DateTimeOffset.Parse(nextOpening).AddMinutes(-1));
        await Dispatch();
        var justBefore = await StatusOf(debtorId);
        AdvanceTo(DateTimeOffset.Parse(nextOpening));
        await Dispatch();
        var atOpening = await StatusOf(debtorId);

        sender.OnlyContaining = null;
        Assert.That((failed, justBefore, atOpening), Is.EqualTo(("queued", "queued", "sent")), "a minute's back-off at 17:59 local must not send at 18:00 or overnight");
        Assert.That((await Communications(debtorId)).EnumerateArray().Single().GetProperty("sentAt").GetDateTimeOffset(), Is.EqualTo(DateTimeOffset.Parse(nextOpening)));
    }

    private async Task<string?> StatusOf(string debtorId) =>
        (await Communications(debtorId)).EnumerateArray().Single().GetProperty("status").GetString();

    private sealed class FlakySender : IEmailSender
    {
        private IEmailSender? inner;

        public int FailuresLeft { get; set; }

        /// <summary>Fails only e-mails whose text contains this (the book also holds earlier tests' debtors, chased as days pass).</summary>
        public string? OnlyContaining { get; set; }

        public FlakySender Wrapping(IEmailSender real)
        {
            inner = real;
            return this;
        }

        public Task SendAsync(OutgoingEmail email, CancellationToken ct)
        {
            if (FailuresLeft > 0 && (OnlyContaining is null || email.Text.Contains(OnlyContaining, StringComparison.Ordinal)))
            {
                FailuresLeft--;
                throw new IOException("550 relay refused by test double");
            }

            return inner!.SendAsync(email, ct);
        }
    }
}
