using System.Globalization;
using System.Text.RegularExpressions;
using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;
using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Tests.Unit;

/// <summary>Every language has every word and every template, and a debtor reads none of them in English.</summary>
public sealed partial class LanguageTests
{
    private static readonly Language English = Languages.All["en"];

    public static IEnumerable<string> Translations() => Languages.All.Keys.Where(k => k != "en").Order();

    [Test]
    public void TheLanguagesMessagesAreWrittenIn_AreThoseThePortalSpeaks() =>
        Assert.That(Languages.All.Keys, Is.EquivalentTo(Collections.SharedKernel.Portal.DebtorLanguages.Supported));

    [TestCaseSource(nameof(Translations))]
    public void Phrases_AreExactlyTheEnglishOnes_WithTheSameValues(string code)
    {
        var language = Languages.All[code];
        Assert.That(language.Phrases.Keys, Is.EquivalentTo(English.Phrases.Keys));
        foreach (var (key, english) in English.Phrases)
        {
            var expected = Values(english);
            if (key == "salutation.named")
            {
                Assert.That(Values(language.Phrases[key]), Is.SubsetOf(new[] { "firstName", "fullName" }).And.Not.Empty, key);
                continue;
            }

            Assert.That(Values(language.Phrases[key]), Is.EquivalentTo(expected), key);
        }

        var fragments = EnglishFragments();
        Assert.That(language.Phrases.Where(p => fragments.Any(f => p.Value.Contains(f, StringComparison.Ordinal))).Select(p => p.Key), Is.Empty, "phrases left in English");
    }

    [TestCaseSource(nameof(Translations))]
    public void Templates_AreEveryEnglishOne_WithEveryMergeFieldItUses(string code)
    {
        var language = Languages.All[code];
        Assert.That(language.Templates.Select(t => t.Key), Is.EquivalentTo(English.Templates.Select(t => t.Key)));
        foreach (var english in English.Templates)
        {
            var translated = language.Templates.Single(t => t.Key == english.Key);
            Assert.That(Fields(translated.Subject + translated.Body), Is.EquivalentTo(Fields(english.Subject + english.Body)), english.Key);
            Assert.That(Tags(translated.Body), Is.EqualTo(Tags(english.Body)), $"{english.Key}: the same HTML structure");
        }
    }

    [TestCaseSource(nameof(Translations))]
    public void EveryTemplate_RenderedForADebtorOfTheLanguage_HasNoEnglishLeft_AndFormatsAsItsCulture(string code)
    {
        var culture = CultureInfo.GetCultureInfo(code == "en" ? "en-GB" : CultureInfo.CreateSpecificCulture(code).Name);
        var debtor = Debtor(code, culture.Name[^2..]);
        var voice = Dunning.Domain.Languages.Voice.For(debtor, debtor.Contacts[0], "en");
        Assert.That(voice.Culture.Name, Is.EqualTo(culture.Name));
        var english = EnglishFragments();
        foreach (var template in Languages.All[code].Templates)
        {
            var message = Render(template, debtor, voice);
            var leftovers = english.Where(f => message.Text.Contains(f, StringComparison.Ordinal) || message.Subject.Contains(f, StringComparison.Ordinal)).ToList();
            Assert.That(leftovers, Is.Empty, $"{code} {template.Key}:\n{message.Text}");
            Assert.That(message.Text, Does.Not.Contain("{{").And.Not.Contain("{"), $"{code} {template.Key}: every field filled");
        }

        var reminder = Render(Languages.All[code].Templates.Single(t => t.Key == "email_notice"), debtor, voice);
        Assert.That(reminder.Text, Does.Contain(1_234.56m.ToString("C", culture)), "amounts as CultureInfo writes them");
        Assert.That(reminder.Text, Does.Contain(new DateOnly(2026, 2, 4).ToString(LongDateWithoutWeekday(culture), culture)), "dates as CultureInfo writes them");
        Assert.That(reminder.Text, Does.Contain("Anna Schmidt").Or.Contain("Anna"), "the contact's name in the salutation");
    }

    [Test]
    public void Amounts_AreTheCulturesOwn_WithTheSymbolOfItsCurrency_AndTheCodeOfAnyOther()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VoiceOf("de", "DE").Amount(123_456, "EUR"), Is.EqualTo(1234.56m.ToString("C", CultureInfo.GetCultureInfo("de-DE"))));
            Assert.That(VoiceOf("de", "DE").Amount(123_456, "EUR"), Is.EqualTo("1.234,56 €"));
            Assert.That(VoiceOf("fr", "FR").Amount(123_456, "EUR"), Is.EqualTo(1234.56m.ToString("C", CultureInfo.GetCultureInfo("fr-FR"))));
            Assert.That(VoiceOf("en", "GB").Amount(123_456, "GBP"), Is.EqualTo("£1,234.56"));
            Assert.That(VoiceOf("en", "US").Amount(123_456, "USD"), Is.EqualTo("$1,234.56"));
            Assert.That(VoiceOf("en", "GB").Amount(123_456, "USD"), Is.EqualTo("USD 1,234.56"), "a dollar sign alone would not say which dollar");
            Assert.That(VoiceOf("de", "DE").Amount(123_456, "USD"), Is.EqualTo("1.234,56 USD"));
            Assert.That(VoiceOf("de", "CH").Amount(123_456, "CHF"), Is.EqualTo(1234.56m.ToString("C", CultureInfo.GetCultureInfo("de-CH"))));
            Assert.That(VoiceOf("de", "DE").Amount(150_000, "JPY"), Is.EqualTo("150.000 JPY"), "zero-decimal currencies keep no decimals");
            Assert.That(VoiceOf("de", "DE").Amount(1_234_567, "KWD"), Is.EqualTo("1.234,567 KWD"), "three-decimal currencies keep three");
        });
    }

    [Test]
    public void Dates_AreTheCulturesLongDate_WithoutTheWeekday()
    {
        var day = new DateOnly(2026, 2, 4);
        Assert.Multiple(() =>
        {
            Assert.That(VoiceOf("de", "DE").Date(day), Is.EqualTo("4. Februar 2026"));
            Assert.That(VoiceOf("en", "GB").Date(day), Is.EqualTo("4 February 2026"));
            Assert.That(VoiceOf("en", "US").Date(day), Is.EqualTo("February 4, 2026"));
            Assert.That(VoiceOf("fr", "FR").Date(day), Is.EqualTo("4 février 2026"));
            Assert.That(VoiceOf("nl", "NL").Date(day), Is.EqualTo("4 februari 2026"));
            Assert.That(VoiceOf("it", "IT").Date(day), Is.EqualTo("4 febbraio 2026"));
            Assert.That(VoiceOf("es", "ES").Date(day), Is.EqualTo("4 de febrero de 2026"));
        });
    }

    [TestCase("de-AT", "en", new[] { "de-AT", "de", "en" })]
    [TestCase("DE-at", "en", new[] { "de-AT", "de", "en" })]
    [TestCase("de", "fr", new[] { "de", "fr", "en" })]
    [TestCase("pt-BR", "fr", new[] { "fr", "en" })]
    [TestCase("pt", "pt", new[] { "en" })]
    [TestCase("not a tag!", "de-CH", new[] { "de-CH", "de", "en" })]
    [TestCase(null, "en", new[] { "en" })]
    public void Chain_GoesExactTagThenLanguageThenTheCreditorsDefaultThenEnglish(string? tag, string defaultLanguage, string[] expected) =>
        Assert.That(Languages.Chain(tag, defaultLanguage), Is.EqualTo(expected));

    [TestCase("de-AT", "DE", "de-AT")]
    [TestCase("de", "CH", "de-CH")]
    [TestCase("de", "DE", "de-DE")]
    [TestCase("de", "US", "de-DE")]
    [TestCase("en", "US", "en-US")]
    [TestCase("en", "ZZ", "en-GB")]
    [TestCase("fr", "BE", "fr-BE")]
    [TestCase("pt", "BR", "en-GB")]
    public void Culture_IsTheTagsRegion_ElseTheLanguageInTheDebtorsCountry_ElseTheLanguagesOwn(string tag, string country, string culture) =>
        Assert.That(VoiceOf(tag, country).Culture.Name, Is.EqualTo(culture));

    [Test]
    public void ContactLanguage_WinsOverTheDebtors_AndAnUnsupportedOneFallsBackToTheDebtors()
    {
        var debtor = Debtor("de", "DE") with { Contacts = [Contact("fr"), Contact("pt"), Contact(null)] };
        Assert.Multiple(() =>
        {
            Assert.That(Dunning.Domain.Languages.Voice.For(debtor, debtor.Contacts[0], "en").Language.Code, Is.EqualTo("fr"));
            Assert.That(Dunning.Domain.Languages.Voice.For(debtor, debtor.Contacts[1], "en").Language.Code, Is.EqualTo("en"),
                "an unsupported contact language falls through the chain, not back to the debtor's");
            Assert.That(Dunning.Domain.Languages.Voice.For(debtor, debtor.Contacts[2], "en").Language.Code, Is.EqualTo("de"));
            Assert.That(Dunning.Domain.Languages.Voice.For(debtor, null, "en").Language.Code, Is.EqualTo("de"));
        });
    }

    [Test]
    public void Salutation_NamesTheContact_OrUsesTheLanguagesCustomaryGreeting()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MessageComposer.Salutation("Anna Schmidt", VoiceOf("en", "GB")), Is.EqualTo("Dear Anna,"));
            Assert.That(MessageComposer.Salutation(null, VoiceOf("en", "GB")), Is.EqualTo("Dear Sir or Madam,"));
            Assert.That(MessageComposer.Salutation(null, VoiceOf("de", "DE")), Is.EqualTo("Sehr geehrte Damen und Herren,"));
            Assert.That(MessageComposer.Salutation("Anna Schmidt", VoiceOf("de", "DE")), Does.Contain("Anna Schmidt"));
        });
    }

    private static Voice VoiceOf(string tag, string country) => Dunning.Domain.Languages.Voice.For(Debtor(tag, country), null, "en");

    private static ContactDto Contact(string? language) => new("con_1", "Anna Schmidt", "anna@acme.example", null, "accounts_payable", true, language);

    private static DebtorDto Debtor(string language, string country) => new(
        "deb_1", "ERP-1", "Acme GmbH", country, "Europe/Berlin", language, "EUR", 0, 30, "standard", [Contact(null)],
        new ContactHoursDto(new TimeOnly(8, 0), new TimeOnly(18, 0), [DayOfWeek.Monday]), AllocationOrders.PrincipalFirst, new DateTimeOffset(2022, 5, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A template filled as the run (reminders) or the courtesy outbox (acknowledgements) fills it, in the voice's words.</summary>
    private static ComposedMessage Render(TemplateText template, DebtorDto debtor, Voice voice)
    {
        var invoice = new ReceivableDto("inv_1", "invoice", debtor.Id, "ERP-INV-1", "R-100", "PO-55", null, "EUR", new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 4),
            123_456, 123_456, 0, false, false, "open", new EarlyPaymentDto(2_469, new DateOnly(2026, 3, 1)));
        var lines = new List<MessageLine> { new(invoice, 123_456, 0) };
        if (MessageComposer.FieldsUsedIn(template.Body).Contains("invoiceTable"))
        {
            var input = new MessageInput(debtor, debtor.Contacts[0], lines, Cadence.Describe(null, "Maria Keller", voice), new DateOnly(2026, 3, 8),
                "Maria Keller", new DateOnly(2026, 2, 20), voice);
            return MessageComposer.Compose(template.Subject, template.Body, input);
        }

        var fields = new Dictionary<string, string>
        {
            ["salutation"] = MessageComposer.Salutation(debtor.Contacts[0].Name, voice),
            ["contactFirstName"] = "Anna",
            ["contactName"] = "Anna Schmidt",
            ["debtorName"] = debtor.Name,
            ["amount"] = voice.Amount(123_456, "EUR"),
            ["details"] = voice.Say("receipt.line", ("item", voice.Say("receipt.item", ("number", "R-100"))), ("paid", voice.Amount(123_456, "EUR")),
                ("discount", ""), ("rest", voice.Say("receipt.settled"))),
            ["totalDue"] = voice.Amount(0, "EUR"),
            ["portalLink"] = "https://pay.example.com/portal/#/",
            ["nextStep"] = voice.Say("receipt.next.nothingDue"),
            ["nextStepDate"] = voice.Date(new DateOnly(2026, 2, 4)),
            ["senderName"] = "Maria Keller",
        };
        return MessageComposer.Render(template.Subject, template.Body, fields, fields);
    }

    /// <summary>
    /// The English wording in pieces of three words or more (between merge fields, values and tags): what must not
    /// appear in a message in another language.
    /// </summary>
    private static List<string> EnglishFragments() =>
        English.Templates.SelectMany(t => new[] { t.Subject, t.Body }).Concat(English.Phrases.Values)
            .SelectMany(text => Breaks().Split(text))
            .Select(f => f.Trim())
            .Where(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3)
            .Distinct()
            .ToList();

    private static string LongDateWithoutWeekday(CultureInfo culture) =>
        Regex.Replace(culture.DateTimeFormat.LongDatePattern, @"d{4}[,\s]*", string.Empty).Trim();

    private static HashSet<string> Values(string phrase) => Value().Matches(phrase).Select(m => m.Groups[1].Value).ToHashSet();

    private static HashSet<string> Fields(string template) => MessageComposer.FieldsUsedIn(template).ToHashSet();

    private static List<string> Tags(string body) => Tag().Matches(body).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Value();

    [GeneratedRegex(@"</?(p|strong|br)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{\{\w+\}\}|\{\w+\}|<[^>]+>|[.,:;()!?—]|\n")]
    private static partial Regex Breaks();
}
