using Collections.Disputes.Features.Disputes;
using Collections.SharedKernel.Errors;

namespace Collections.Disputes.Tests.Unit;

public sealed class ResolutionCreditTests
{
    [Test]
    public void Upheld_CreditsTheWholeDisputedAmount() =>
        Assert.That(ResolutionCredit.For(DisputeOutcomes.Upheld, 30_000, null, 100_000), Is.EqualTo(30_000));

    [Test]
    public void Upheld_WhenBalanceFellBelowDisputed_CreditsOnlyTheBalance() =>
        Assert.That(ResolutionCredit.For(DisputeOutcomes.Upheld, 30_000, null, 12_345), Is.EqualTo(12_345));

    [Test]
    public void Upheld_WhenCreditAmountDiffers_Throws() =>
        Assert.Throws<BusinessRuleException>(() => ResolutionCredit.For(DisputeOutcomes.Upheld, 30_000, 29_999, 100_000));

    [Test]
    public void Upheld_WhenCreditAmountEqualsDisputed_IsAccepted() =>
        Assert.That(ResolutionCredit.For(DisputeOutcomes.Upheld, 30_000, 30_000, 100_000), Is.EqualTo(30_000));

    [TestCase(1L)]
    [TestCase(29_999L)]
    public void Partial_CreditsExactlyTheGrantedPart(long granted) =>
        Assert.That(ResolutionCredit.For(DisputeOutcomes.PartiallyUpheld, 30_000, granted, 100_000), Is.EqualTo(granted));

    [TestCase(null)]
    [TestCase(0L)]
    [TestCase(-5L)]
    [TestCase(30_000L)]
    [TestCase(30_001L)]
    public void Partial_WhenNotBetweenZeroAndDisputed_Throws(long? granted) =>
        Assert.Throws<BusinessRuleException>(() => ResolutionCredit.For(DisputeOutcomes.PartiallyUpheld, 30_000, granted, 100_000));

    [Test]
    public void Partial_WhenAboveBalance_Throws() =>
        Assert.Throws<BusinessRuleException>(() => ResolutionCredit.For(DisputeOutcomes.PartiallyUpheld, 30_000, 20_000, 10_000));

    [Test]
    public void Rejected_CreditsNothing() =>
        Assert.That(ResolutionCredit.For(DisputeOutcomes.Rejected, 30_000, null, 100_000), Is.Zero);

    [Test]
    public void Rejected_WhenCreditAmountGiven_Throws() =>
        Assert.Throws<BusinessRuleException>(() => ResolutionCredit.For(DisputeOutcomes.Rejected, 30_000, 1, 100_000));

    [TestCase("accepted", "upheld")]
    [TestCase("upheld", "upheld")]
    [TestCase("partially_accepted", "partially_upheld")]
    [TestCase("partially_upheld", "partially_upheld")]
    [TestCase("rejected", "rejected")]
    [TestCase("Accepted", null)]
    [TestCase("", null)]
    public void Outcome_NormalizesBothVocabularies(string given, string? expected) =>
        Assert.That(DisputeOutcomes.Normalize(given), Is.EqualTo(expected));
}
