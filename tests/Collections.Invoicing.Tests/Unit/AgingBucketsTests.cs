using Collections.Invoicing.Domain;

namespace Collections.Invoicing.Tests.Unit;

public sealed class AgingBucketsTests
{
    [TestCase(-5, 0)]
    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(30, 1)]
    [TestCase(31, 2)]
    [TestCase(60, 2)]
    [TestCase(61, 3)]
    [TestCase(90, 3)]
    [TestCase(91, 4)]
    [TestCase(120, 4)]
    [TestCase(121, 5)]
    [TestCase(5000, 5)]
    public void BucketOf_PutsDaysPastDueInTheRightBucket(int days, int bucket) =>
        Assert.That(AgingBuckets.BucketOf(days), Is.EqualTo(bucket));

    [Test]
    public void Add_KeepsTheDisputedPartOutOfTheBuckets_AndNeverAboveTheBalance()
    {
        var asOf = new DateOnly(2026, 3, 2);
        var buckets = new AgingBuckets();

        buckets.Add(asOf.AddDays(-10), asOf, 1_000, 300);
        buckets.Add(asOf.AddDays(-10), asOf, 200, 500);

        Assert.That(buckets.Minor[1], Is.EqualTo(700));
        Assert.That(buckets.DisputedMinor, Is.EqualTo(500));
        Assert.That(buckets.TotalMinor, Is.EqualTo(1_200));
    }
}
