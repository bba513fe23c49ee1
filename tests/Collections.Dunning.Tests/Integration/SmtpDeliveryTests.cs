using Collections.SharedKernel.Data;

namespace Collections.Dunning.Tests.Integration;

/// <summary>Real SMTP, through maildev.</summary>
public sealed class SmtpDeliveryTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private readonly Maildev maildev = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Smtp:Host", "127.0.0.1"), new("Smtp:Port", maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Smtp:From", "receivables@creditor.example"),
         new("Dunning:ReplyTo", "ar@creditor.example")];

    [OneTimeSetUp]
    public Task StartMaildev() => maildev.StartAsync();

    [OneTimeTearDown]
    public void StopMaildev() => maildev.Dispose();

    [Test]
    public async Task Dispatch_WhenSmtpIsConfigured_DeliversTheReminderToARealSmtpServer()
    {
        var (debtorId, ext) = await CreateDebtor(name: "Nordwind <Logistik> AG");
        await CreateInvoice(ext, Today.AddDays(-2), 2380.00m, number: "SMTP-42", po: "PO-9");
        await Run();

        Assert.That(await Dispatch(), Is.GreaterThanOrEqualTo(1));
        var mail = (await maildev.InboxAsync()).Single(m => m.GetProperty("html").GetString()!.Contains("SMTP-42", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(mail.GetProperty("to")[0].GetProperty("address").GetString(), Is.EqualTo("anna@acme.example"));
            Assert.That(mail.GetProperty("from")[0].GetProperty("address").GetString(), Is.EqualTo("receivables@creditor.example"));
            Assert.That(mail.GetProperty("headers").GetProperty("reply-to").GetString(), Does.Contain("<ar@creditor.example>"));
            Assert.That(mail.GetProperty("subject").GetString(), Does.Contain("Nordwind <Logistik> AG"));
            Assert.That(mail.GetProperty("html").GetString(), Does.Contain("Nordwind &lt;Logistik&gt; AG").And.Contain("€2,380.00"));
            Assert.That(mail.GetProperty("text").GetString(), Does.Contain("What happens next"));
        });
        var message = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "reminder");
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("sent"));
    }

    [Test]
    public async Task Dispatch_WhenTheDebtorPaidAfterTheRun_DeliversOnlyTheThankYou_NeverTheReminder()
    {
        var (debtorId, ext) = await CreateDebtor(name: "Paid Before Nine GmbH");
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 640.00m, number: "SMTP-PAID");
        await Run();
        await Pay(debtorId, (invoice, 640.00m));

        await Dispatch();

        var mails = (await maildev.InboxAsync()).Where(m => m.GetProperty("text").GetString()!.Contains("SMTP-PAID", StringComparison.Ordinal)).ToList();
        Assert.That(mails.Select(m => m.GetProperty("subject").GetString()), Is.EqualTo(new[] { "Thank you: €640.00 received from Paid Before Nine GmbH" }));
    }
}
