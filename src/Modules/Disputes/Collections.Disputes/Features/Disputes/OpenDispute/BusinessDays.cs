namespace Collections.Disputes.Features.Disputes;

/// <summary>Response deadlines count Monday to Friday only.</summary>
internal static class BusinessDays
{
    public static DateOnly Add(DateOnly start, int days)
    {
        var date = start;
        var added = 0;
        while (added < days)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return date;
    }
}
