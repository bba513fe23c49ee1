using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Tests.Unit;

public sealed class ContactWindowTests
{
    private static readonly HashSet<DateOnly> NoHolidays = [];

    private static DateTimeOffset Next(string utc, string zone, IReadOnlySet<DateOnly>? holidays = null, ContactHoursDto? hours = null) =>
        ContactWindow.NextOpening(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), ContactWindow.Zone(zone), hours, holidays ?? NoHolidays);

    [Test]
    public void NextOpening_WhenInsideHours_IsNow() =>
        Assert.That(Next("2026-03-02T09:00:00Z", "Europe/Berlin"), Is.EqualTo(DateTimeOffset.Parse("2026-03-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void NextOpening_WhenTokyoIsAlreadyTuesdayMorning_OpensAtEightTokyoTime()
    {
        // Monday 2 March 22:30Z is Tuesday 07:30 in Tokyo: the window opens at 08:00 JST = 23:00Z Monday.
        Assert.That(Next("2026-03-02T22:30:00Z", "Asia/Tokyo"), Is.EqualTo(DateTimeOffset.Parse("2026-03-02T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void NextOpening_WhenLosAngelesIsStillFridayEvening_WaitsOverTheWeekendAcrossTheDstChange()
    {
        // Saturday 7 March 03:00Z is Friday 19:00 PST (closed); DST starts Sunday 8 March, so Monday 08:00 PDT = 15:00Z (not 16:00Z).
        Assert.That(Next("2026-03-07T03:00:00Z", "America/Los_Angeles"), Is.EqualTo(DateTimeOffset.Parse("2026-03-09T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Next("2026-03-06T15:00:00Z", "America/Los_Angeles"), Is.EqualTo(DateTimeOffset.Parse("2026-03-06T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), "Friday before: 08:00 PST = 16:00Z");
    }

    [Test]
    public void NextOpening_WhenNextDayIsAPublicHoliday_SkipsIt()
    {
        // Thursday 2 April 2026 18:30 in Berlin (closed); Good Friday 3 April is a holiday; Monday 6 April 08:00 CEST = 06:00Z.
        var holidays = new HashSet<DateOnly> { new(2026, 4, 3) };
        Assert.That(Next("2026-04-02T16:30:00Z", "Europe/Berlin", holidays), Is.EqualTo(DateTimeOffset.Parse("2026-04-06T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void NextOpening_WhenWindowStartsInsideTheSkippedDstHour_OpensAtTheFirstValidTime()
    {
        var hours = new ContactHoursDto(new TimeOnly(2, 30), new TimeOnly(6, 0), [DayOfWeek.Sunday]);
        // Sunday 8 March 2026 in Los Angeles: 02:30 does not exist; the first valid quarter-hour is 03:00 PDT = 10:00Z.
        Assert.That(Next("2026-03-08T05:00:00Z", "America/Los_Angeles", hours: hours), Is.EqualTo(DateTimeOffset.Parse("2026-03-08T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void LocalDate_AtOneInstant_DiffersAcrossTheDateLine()
    {
        var instant = DateTimeOffset.Parse("2026-03-02T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(ContactWindow.LocalDate(instant, ContactWindow.Zone("Asia/Tokyo")), Is.EqualTo(new DateOnly(2026, 3, 3)));
        Assert.That(ContactWindow.LocalDate(instant, ContactWindow.Zone("America/Los_Angeles")), Is.EqualTo(new DateOnly(2026, 3, 2)));
    }
}
