using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Domain;

/// <summary>
/// When an SMS may arrive: inside the debtor's contact window and never before 08:00 or after 21:00 in its local time (the
/// TCPA's rule, applied everywhere), whatever the window says. Contacts have no zone of their own: the debtor's is theirs.
/// </summary>
internal static class SmsHours
{
    public static readonly TimeOnly Earliest = new(8, 0);
    public static readonly TimeOnly Latest = new(21, 0);

    /// <summary>The contact window narrowed to 08:00–21:00, or null when nothing of it is left (a window of 21:00–23:00).</summary>
    public static ContactHoursDto? Window(ContactHoursDto? hours)
    {
        hours = hours is null || hours.Days.Count == 0 || hours.End <= hours.Start ? ContactWindow.Default : hours;
        var start = hours.Start > Earliest ? hours.Start : Earliest;
        var end = hours.End < Latest ? hours.End : Latest;
        return end > start ? hours with { Start = start, End = end } : null;
    }

    /// <summary>The first instant at or after now an SMS may arrive (now itself when it may now), or null when never.</summary>
    public static DateTimeOffset? NextOpening(DateTimeOffset now, TimeZoneInfo zone, ContactHoursDto? hours, IReadOnlySet<DateOnly> holidays) =>
        Window(hours) is { } window ? ContactWindow.NextOpening(now, zone, window, holidays) : null;
}
