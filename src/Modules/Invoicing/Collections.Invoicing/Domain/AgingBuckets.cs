namespace Collections.Invoicing.Domain;

/// <summary>Aging buckets by days past due: current (not yet due or due today), 1–30, 31–60, 61–90, 91–120, over 120.</summary>
internal sealed class AgingBuckets
{
    public const int Count = 6;

    private readonly long[] buckets = new long[Count];

    public long DisputedMinor { get; private set; }

    public IReadOnlyList<long> Minor => buckets;

    public long TotalMinor => buckets.Sum() + DisputedMinor;

    public static int BucketOf(int daysPastDue) => daysPastDue switch
    {
        <= 0 => 0,
        <= 30 => 1,
        <= 60 => 2,
        <= 90 => 3,
        <= 120 => 4,
        _ => 5,
    };

    /// <summary>The disputed part goes to its own column, so the buckets show only what may be collected.</summary>
    public void Add(DateOnly dueDate, DateOnly asOf, long balanceMinor, long disputedMinor)
    {
        var disputed = Math.Clamp(disputedMinor, 0, balanceMinor);
        buckets[BucketOf(asOf.DayNumber - dueDate.DayNumber)] += balanceMinor - disputed;
        DisputedMinor += disputed;
    }

    public void Add(AgingBuckets other)
    {
        for (var i = 0; i < Count; i++)
        {
            buckets[i] += other.buckets[i];
        }

        DisputedMinor += other.DisputedMinor;
    }
}
