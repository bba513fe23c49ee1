namespace Collections.Invoicing.Domain;

/// <summary>"Today" is the date where the debtor is: an invoice due on the 5th is overdue in Tokyo before it is in Los Angeles.</summary>
internal static class DebtorCalendar
{
    public static DateOnly Today(TimeProvider time, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone(timeZone)).DateTime);

    public static bool IsKnownZone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);

    private static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
