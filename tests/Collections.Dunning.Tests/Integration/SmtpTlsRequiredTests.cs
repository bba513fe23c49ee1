using Collections.SharedKernel.Data;

namespace Collections.Dunning.Tests.Integration;

/// <summary>With <c>Smtp:UseTls</c>, a server that offers no TLS (maildev without it) is refused: nothing leaves in the clear.</summary>
public sealed class SmtpTlsRequiredTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private readonly Maildev maildev = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Smtp:Host", "127.0.0.1"), new("Smtp:Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:UseTls", "true"), new("Smtp:UserName", "ar"), new("Smtp:Password", "not-for-plaintext"),
    ];

    [OneTimeSetUp]
    public Task StartMaildev() => maildev.StartAsync();

    [OneTimeTearDown]
    public void StopMaildev() => maildev.Dispose();

    [Test]
    public async Task Dispatch_ToAServerWithoutTls_SendsNothing_AndKeepsTheReminderForRetry()
    {
        var (debtorId, ext) = await CreateDebtor(name: "Plaintext Refused GmbH");
        await CreateInvoice(ext, Today.AddDays(-2), 120.00m, number: "SMTP-TLS");
        await Run();

        Assert.That(await Dispatch(), Is.Zero);

        Assert.That((await maildev.InboxAsync()).Where(m => m.GetProperty("text").GetString()!.Contains("SMTP-TLS", StringComparison.Ordinal)), Is.Empty);
        var message = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "reminder");
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("queued"));
        Assert.That(message.GetProperty("lastError").GetString(), Does.Contain("STARTTLS"));
    }
}
