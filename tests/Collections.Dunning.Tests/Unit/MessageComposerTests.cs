using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;
using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Tests.Unit;

/// <summary>The composer is pure: a template, the debtor's lines and a voice in, subject and bodies out.</summary>
public sealed class MessageComposerTests
{
    private static readonly DateOnly Today = new(2026, 2, 20);

    [Test]
    public void ValuesFromOutside_AreEscapedInTheHtml_AndPlainInTheText()
    {
        var message = Compose("{{debtorName}}", "<p>{{salutation}}</p><p>{{debtorName}}</p>{{invoiceTable}}",
            Debtor("Evil <b>AG</b>", contactName: "Jo <i>Post</i>"), [Line("R-<1>", 100_00)]);

        Assert.Multiple(() =>
        {
            Assert.That(message.Html, Does.Contain("Evil &lt;b&gt;AG&lt;/b&gt;").And.Contain("Dear Jo,").And.Contain("R-&lt;1&gt;").And.Not.Contain("<b>"));
            Assert.That(message.Text, Does.Contain("Evil <b>AG</b>").And.Contain("R-<1>"));
            Assert.That(message.Subject, Is.EqualTo("Evil <b>AG</b>"));
        });
    }

    [Test]
    public void AFieldTheComposerDoesNotKnow_IsLeftEmpty_NeverShownAsItsName()
    {
        var message = Compose("Hello {{nobody}}", "<p>{{ nobody }}x</p>", Debtor(), [Line("R-1", 100_00)]);
        Assert.That((message.Subject, message.Text), Is.EqualTo(("Hello ", "x")));
    }

    [Test]
    public void ALongSubject_IsClippedToItsColumn()
    {
        var message = Compose("{{debtorName}}", "<p>x</p>", Debtor(new string('A', 800)), [Line("R-1", 100_00)]);
        Assert.That(message.Subject.Length, Is.LessThanOrEqualTo(MessageComposer.SubjectLength));
    }

    [Test]
    public void Totals_InSeveralCurrencies_AreNamedEachInItsOwn_NeverAdded()
    {
        var message = Compose("{{totalDue}}", "<p>{{totalDue}}</p>", Debtor(), [Line("R-1", 1_000_00), Line("R-2", 300_00, currency: "USD"), Line("R-3", 50_00)]);
        Assert.That(message.Subject, Is.EqualTo("€1,050.00 and USD 300.00"));
    }

    [Test]
    public void TheEarlyPaymentSaving_IsOfferedWhileItLasts_AndNotOnADisputedInvoice()
    {
        const string body = "<p>{{earlyPaymentSaving}}</p>";
        var offer = new EarlyPaymentDto(20_00, Today.AddDays(2));
        Assert.Multiple(() =>
        {
            Assert.That(Compose("", body, Debtor(), [Line("R-1", 1_000_00, early: offer)]).Text,
                Is.EqualTo("Paying by 22 February 2026 saves you €20.00 under the early-payment terms."));
            Assert.That(Compose("", body, Debtor(), [Line("R-1", 1_000_00, early: offer with { PayBy = Today.AddDays(-1) })]).Text, Is.Empty);
            Assert.That(Compose("", body, Debtor(), [Line("R-1", 600_00, disputed: 400_00, early: offer)]).Text, Is.Empty);
        });
    }

    [Test]
    public void DisputedAndPromisedParts_AreExplained_AndOnlyTheRestIsAskedFor()
    {
        var promisedBy = Today.AddDays(10);
        var lines = new List<MessageLine>
        {
            Line("D-1", 600_00, disputed: 400_00),
            new(Item("P-1", 500_00, "EUR", null), 400_00, 0, 100_00, promisedBy),
        };
        var text = Compose("", "<p>{{disputeNote}}</p><p>{{totalDue}}</p>", Debtor(), lines).Text;
        Assert.That(text, Does.Contain("€400.00 of invoice D-1 is under review in your dispute; we ask only for the undisputed €600.00 while we resolve it."));
        Assert.That(text, Does.Contain("€100.00 of invoice P-1 is covered by your promise to pay by 2 March 2026; we ask only for the remaining €400.00."));
        Assert.That(text, Does.EndWith("€1,000.00"));
    }

    [Test]
    public void TheDisputeNote_IsAParagraphOfItsOwn_InTheTextToo()
    {
        var text = Compose("", "<p>Total.</p>\n{{disputeNote}}<p>Whatever suits you best.</p>", Debtor(), [Line("D-1", 600_00, disputed: 400_00)]).Text;
        Assert.That(text, Does.Contain("while we resolve it.\nWhatever suits you best."));
    }

    [TestCase("2025-02-21", "Thank you for choosing to work with us.")]
    [TestCase("2025-02-20", "Thank you for the year we have worked together since February 2025.")]
    [TestCase("2021-06-01", "Thank you for the 4 years we have worked together since June 2021.")]
    public void TheRelationship_CountsWholeYears(string since, string expected)
    {
        var debtor = Debtor() with { CreatedAt = new DateTimeOffset(DateOnly.Parse(since).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) };
        Assert.That(Compose("", "<p>{{relationship}}</p>", debtor, [Line("R-1", 100_00)]).Text, Is.EqualTo(expected));
    }

    [Test]
    public void WithoutAContact_TheGreetingIsTheLanguagesCustomaryOne()
    {
        var debtor = Debtor() with { Contacts = [] };
        var input = new MessageInput(debtor, null, [Line("R-1", 100_00)], "x", Today, "Maria", Today, Voice.English);
        Assert.That(MessageComposer.Compose("", "<p>{{salutation}} {{contactName}}</p>", input).Text, Is.EqualTo("Dear Sir or Madam, Accounts Payable"));
    }

    private static ComposedMessage Compose(string subject, string body, DebtorDto debtor, IReadOnlyList<MessageLine> lines) =>
        MessageComposer.Compose(subject, body, new MessageInput(debtor, debtor.Contacts[0], lines, "we will send a final notice", Today.AddDays(7), "Maria", Today,
            Voice.For(debtor, debtor.Contacts[0], "en")));

    private static MessageLine Line(string number, long collectible, long disputed = 0, string currency = "EUR", EarlyPaymentDto? early = null) =>
        new(Item(number, collectible + disputed, currency, early), collectible, disputed);

    private static ReceivableDto Item(string number, long balance, string currency, EarlyPaymentDto? early) =>
        new("inv_" + number, "invoice", "deb_1", "ext-" + number, number, null, null, currency, Today.AddDays(-40), Today.AddDays(-10),
            balance, balance, 0, false, false, "open", early);

    private static DebtorDto Debtor(string name = "Acme GmbH", string contactName = "Anna Schmidt") => new(
        "deb_1", "ERP-1", name, "GB", "Europe/London", "en", "EUR", 0, 30, "standard",
        [new ContactDto("con_1", contactName, "anna@acme.example", null, "accounts_payable", true)],
        new ContactHoursDto(new TimeOnly(8, 0), new TimeOnly(18, 0), [DayOfWeek.Monday]), AllocationOrders.PrincipalFirst,
        new DateTimeOffset(2025, 2, 21, 0, 0, 0, TimeSpan.Zero));
}
