using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Domain;

/// <summary>When a debtor may be contacted: its contact hours and days in its own IANA zone, minus its country's holidays.</summary>
internal static class ContactWindow
{
    public static readonly ContactHoursDto Default = new(new TimeOnly(8, 0), new TimeOnly(18, 0),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly LocalDate(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The first instant at or after now inside the window (now itself when it is open).</summary>
    public static DateTimeOffset NextOpening(DateTimeOffset now, TimeZoneInfo zone, ContactHoursDto? hours, IReadOnlySet<DateOnly> holidays)
    {
        hours = hours is null || hours.Days.Count == 0 || hours.End <= hours.Start ? Default : hours;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        for (var d = 0; d < 400; d++)
        {
            var date = today.AddDays(d);
            if (!hours.Days.Contains(date.DayOfWeek) || holidays.Contains(date))
            {
                continue;
            }

            var opens = ToUtc(date.ToDateTime(hours.Start), zone);
            var closes = ToUtc(date.ToDateTime(hours.End), zone);
            if (now < closes)
            {
                return now > opens ? now : opens;
            }
        }

        return now;
    }

    /// <summary>A local time skipped by a DST change (02:30 on spring-forward day) opens at the first valid minute after it.</summary>
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
