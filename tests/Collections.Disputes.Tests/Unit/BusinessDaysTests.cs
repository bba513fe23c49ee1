using Collections.Disputes.Features.Disputes;

namespace Collections.Disputes.Tests.Unit;

public sealed class BusinessDaysTests
{
    [TestCase("2026-03-02", 10, "2026-03-16")] // Monday → Monday two weeks on
    [TestCase("2026-03-06", 1, "2026-03-09")] // Friday → Monday
    [TestCase("2026-03-07", 1, "2026-03-09")] // Saturday → Monday
    [TestCase("2026-03-08", 5, "2026-03-13")] // Sunday → Friday
    [TestCase("2026-03-04", 3, "2026-03-09")] // Wednesday → Monday, over a weekend
    [TestCase("2026-12-31", 2, "2027-01-04")] // over a year end and a weekend
    public void Add_SkipsWeekends(string start, int days, string expected)
    {
        Assert.That(BusinessDays.Add(DateOnly.Parse(start), days), Is.EqualTo(DateOnly.Parse(expected)));
    }
}
