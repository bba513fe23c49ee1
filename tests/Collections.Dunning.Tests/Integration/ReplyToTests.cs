using Collections.SharedKernel.Data;

namespace Collections.Dunning.Tests.Integration;

/// <summary>E-mails carry a Reply-To of the configured accounts-receivable mailbox, so a debtor's answer reaches a person.</summary>
public sealed class ReplyToTests(DatabaseProvider provider) : DunningFixture(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Dunning:ReplyTo", "ar@creditor.example")];

    [Test]
    public async Task Dispatch_WhenAReplyToMailboxIsConfigured_TheEmlFileCarriesIt()
    {
        var (debtorId, ext) = await CreateDebtor(name: "Reply Test GmbH");
        await CreateInvoice(ext, Today.AddDays(-2), number: "REPLY-1");
        await Run();

        await Dispatch();

        var message = await EmailOf(debtorId);
        var eml = await File.ReadAllTextAsync(Path.Combine(OutboxDirectory, message.GetProperty("id").GetString() + ".eml"));
        Assert.That(eml, Does.Contain("Reply-To: Maria Keller <ar@creditor.example>"));
        Assert.That(eml, Does.Contain("From: Maria Keller <receivables@localhost>"));
    }
}
