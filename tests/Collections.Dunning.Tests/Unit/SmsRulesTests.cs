using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;
using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Tests.Unit;

/// <summary>Who may be texted, and when a text may arrive.</summary>
public sealed class SmsRulesTests
{
    private static readonly DateTimeOffset ConsentAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ContactHoursDto AllDay = new(new TimeOnly(0, 0), new TimeOnly(23, 59), Enum.GetValues<DayOfWeek>());

    [TestCase("+4930123456", true)]
    [TestCase("+14155550123", true)]
    [TestCase("+49 30 123456", false)]
    [TestCase("004930123456", false)]
    [TestCase("+0301234567", false)]
    [TestCase("+1234567", false)]
    [TestCase("+1234567890123456", false)]
    public void IsE164_WhenGivenANumber_AcceptsOnlyPlusCountryAndNumber(string phone, bool expected) =>
        Assert.That(SmsReach.IsE164(phone), Is.EqualTo(expected));

    [Test]
    public void Of_WhenSmsIsNotConfigured_RefusesWhateverTheConsent() =>
        Assert.That(SmsReach.Of(Debtor(Consenting("+4930123456")), NoStops, configured: false).Refusal, Is.EqualTo(SmsReach.NotConfigured));

    [Test]
    public void Of_WhenNobodyConsented_RefusesWithNoConsent() =>
        Assert.That(SmsReach.Of(Debtor(Contact("+4930123456", null)), NoStops, configured: true).Refusal, Is.EqualTo(SmsReach.NoConsent));

    [Test]
    public void Of_WhenTheNumberSentStopAfterTheConsent_RefusesAsOptedOut() =>
        Assert.That(SmsReach.Of(Debtor(Consenting("+4930123456")), Stop("+4930123456", ConsentAt.AddMinutes(1)), configured: true).Refusal, Is.EqualTo(SmsReach.OptedOut));

    [Test]
    public void Of_WhenTheErpRecordedConsentAfterTheStop_TextsAgain() =>
        Assert.That(SmsReach.Of(Debtor(Consenting("+4930123456")), Stop("+4930123456", ConsentAt.AddMinutes(-1)), configured: true).Contact?.Phone, Is.EqualTo("+4930123456"));

    [Test]
    public void Of_WhenTheConsentIsAsOldAsTheStop_TheStopWins() =>
        Assert.That(SmsReach.Of(Debtor(Consenting("+4930123456")), Stop("+4930123456", ConsentAt), configured: true).Refusal, Is.EqualTo(SmsReach.OptedOut));

    [Test]
    public void Of_WhenThePrimaryOptedOut_TextsTheNextConsentingContact()
    {
        var debtor = Debtor(Consenting("+4930111111", primary: true), Consenting("+4930222222"));

        Assert.That(SmsReach.Of(debtor, Stop("+4930111111", ConsentAt.AddDays(1)), configured: true).Contact?.Phone, Is.EqualTo("+4930222222"));
    }

    [Test]
    public void Of_WhenTheConsentingContactsNumberIsNotE164_RefusesWithNoMobileNumber() =>
        Assert.That(SmsReach.Of(Debtor(Consenting("+49 30 123456")), NoStops, configured: true).Refusal, Is.EqualTo(SmsReach.NoMobileNumber));

    [Test]
    public void Of_WhenTheContactWindowLiesWhollyAfterNine_RefusesWithNoLegalHours()
    {
        var debtor = Debtor(Consenting("+4930123456")) with { ContactHours = AllDay with { Start = new TimeOnly(21, 0), End = new TimeOnly(23, 0) } };

        Assert.That(SmsReach.Of(debtor, NoStops, configured: true).Refusal, Is.EqualTo(SmsReach.NoLegalHours));
    }

    [TestCase("2026-03-02T07:59:00Z", "2026-03-02T08:00:00Z")]
    [TestCase("2026-03-02T08:00:00Z", "2026-03-02T08:00:00Z")]
    [TestCase("2026-03-02T20:59:00Z", "2026-03-02T20:59:00Z")]
    [TestCase("2026-03-02T21:00:00Z", "2026-03-03T08:00:00Z")]
    [TestCase("2026-03-02T23:30:00Z", "2026-03-03T08:00:00Z")]
    public void NextOpening_WhenTheWindowIsAllDay_KeepsToEightToNine(string now, string expected) =>
        Assert.That(SmsHours.NextOpening(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc, AllDay, new HashSet<DateOnly>()),
            Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void NextOpening_WhenTheWindowIsNarrower_KeepsToTheWindow()
    {
        var hours = new ContactHoursDto(new TimeOnly(9, 30), new TimeOnly(17, 0), [DayOfWeek.Monday]);

        var opening = SmsHours.NextOpening(new DateTimeOffset(2026, 3, 2, 17, 30, 0, TimeSpan.Zero), TimeZoneInfo.Utc, hours, new HashSet<DateOnly>());

        Assert.That(opening, Is.EqualTo(new DateTimeOffset(2026, 3, 9, 9, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public void NextOpening_WhenTheDebtorIsInNewYork_CountsItsLocalEightOClock()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // 07:30 in New York (EST, UTC−5) is 12:30 UTC: the text waits for 08:00 there, 13:00 UTC.
        var opening = SmsHours.NextOpening(new DateTimeOffset(2026, 1, 5, 12, 30, 0, TimeSpan.Zero), zone, AllDay, new HashSet<DateOnly>());

        Assert.That(opening, Is.EqualTo(new DateTimeOffset(2026, 1, 5, 13, 0, 0, TimeSpan.Zero)));
    }

    [TestCaseSource(nameof(LanguageCodes))]
    public void SmsTexts_InEveryLanguage_NameTheCreditorWhatIsOwedThePortalAndStop(string code)
    {
        var english = SmsTexts.ByLanguage["en"];
        var texts = SmsTexts.ByLanguage[code];

        Assert.That(texts.Select(t => t.Key), Is.EqualTo(english.Select(t => t.Key)));
        foreach (var text in texts)
        {
            Assert.That(SmsTexts.RequiredFields.All(text.Body.Contains), Is.True, $"{code} {text.Key}");
            Assert.That(text.Body, Does.Contain("STOP"), $"{code} {text.Key}");
            Assert.That(text.Body.Length, Is.LessThanOrEqualTo(SmsTexts.MaxLength), $"{code} {text.Key}");
            Assert.That(MessageComposer.FieldsUsedIn(text.Subject + text.Body).Order(), Is.EqualTo(MessageComposer.FieldsUsedIn(english.Single(e => e.Key == text.Key).Subject + english.Single(e => e.Key == text.Key).Body).Order()));
        }
    }

    private static IEnumerable<string> LanguageCodes() => Languages.All.Keys;

    private static readonly IReadOnlyDictionary<string, SmsOptOutRow> NoStops = new Dictionary<string, SmsOptOutRow>();

    private static Dictionary<string, SmsOptOutRow> Stop(string phone, DateTimeOffset at) => new() { [phone] = new SmsOptOutRow { Phone = phone, OptedOutAt = at, Keyword = "STOP" } };

    private static ContactDto Consenting(string phone, bool primary = false) => Contact(phone, new SmsConsentDto(true, ConsentAt), primary);

    private static ContactDto Contact(string phone, SmsConsentDto? consent, bool primary = false) =>
        new("con_" + phone, "Anna Schmidt", "anna@acme.example", phone, "accounts_payable", primary, null, SmsConsent: consent);

    private static DebtorDto Debtor(params ContactDto[] contacts) =>
        new("deb_1", "ext-1", "Acme GmbH", "DE", "UTC", "en", "EUR", 0, 30, "standard", contacts, AllDay, "principal_first", ConsentAt.AddYears(-1));
}
