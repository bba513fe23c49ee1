namespace Collections.PaymentPlans.Domain;

/// <summary>The debtor's own date: "today" where the debtor is (UTC for a zone this machine does not know).</summary>
internal static class LocalDate
{
    public static DateOnly Today(TimeProvider time, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc).DateTime);
}
