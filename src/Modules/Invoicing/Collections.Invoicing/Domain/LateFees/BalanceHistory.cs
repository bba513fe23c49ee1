namespace Collections.Invoicing.Domain.LateFees;

/// <summary>An invoice's balance at the end of any day, rebuilt from its ledger entries (by effective date).</summary>
internal sealed class BalanceHistory
{
    private readonly (DateOnly Date, long Balance)[] points;

    public BalanceHistory(IEnumerable<(DateOnly Date, long AmountMinor)> entries)
    {
        long running = 0;
        points = entries.GroupBy(e => e.Date).OrderBy(g => g.Key)
            .Select(g => (g.Key, running += g.Sum(e => e.AmountMinor)))
            .ToArray();
    }

    /// <summary>The last day on which the balance was above zero, or null if it still is (or never was).</summary>
    public DateOnly? SettledAfter =>
        points.Length == 0 || points[^1].Balance > 0 ? null : points[^1].Date.AddDays(-1);

    public long At(DateOnly endOfDay)
    {
        long balance = 0;
        foreach (var (date, after) in points)
        {
            if (date > endOfDay)
            {
                break;
            }

            balance = after;
        }

        return balance;
    }
}
