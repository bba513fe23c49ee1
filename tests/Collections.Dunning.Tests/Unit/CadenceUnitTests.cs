using Collections.Dunning.Domain;

namespace Collections.Dunning.Tests.Unit;

public sealed class CadenceUnitTests
{
    private static readonly IReadOnlyList<PolicyStep> Standard = SeedPolicies.All.Single(p => p.Name == "standard").Steps;

    private static CadenceDecision Decide(int days, bool jump = false, params string[] taken) => Cadence.Decide(Standard, days, taken.ToHashSet(), jump);

    [TestCase(-4, null)]
    [TestCase(-3, "pre_due")]
    [TestCase(0, "pre_due")]
    [TestCase(1, "notice")]
    [TestCase(13, "firm")]
    [TestCase(14, "call")]
    [TestCase(200, "legal")]
    public void Decide_WhenNothingTaken_TakesTheLatestDueStep(int days, string? expected) =>
        Assert.That(Decide(days).Step?.Key, Is.EqualTo(expected));

    [Test]
    public void Decide_WhenLatestDueStepAlreadyTaken_TakesNothing() =>
        Assert.That(Decide(8, false, "pre_due", "notice", "firm").Step, Is.Null);

    [Test]
    public void Decide_WhenALaterStepWasTaken_NeverGoesBack() =>
        Assert.That(Decide(8, false, "final_notice").Step, Is.Null);

    [Test]
    public void Decide_AfterAPause_TakesOnlyTheLatestAndReportsTheSkipped()
    {
        var decision = Decide(31, false, "pre_due", "notice");
        Assert.That(decision.Step!.Key, Is.EqualTo("final_notice"));
        Assert.That(decision.Skipped, Is.EqualTo(new[] { "firm", "call" }));
        Assert.That(decision.NextStep!.Key, Is.EqualTo("senior_call"));
    }

    [Test]
    public void Decide_WhenJumpingToFirm_TakesTheNextFirmStepBeforeItsDate()
    {
        var decision = Decide(2, true, "pre_due");
        Assert.That(decision.Step!.Key, Is.EqualTo("firm"));
        Assert.That(decision.Skipped, Is.EqualTo(new[] { "notice" }));
    }

    [Test]
    public void Describe_NeverShowsInternalWordsToTheDebtor()
    {
        var writeOff = new PolicyStep("x", 10, Channels.CallTask, "call_script", Tones.Final, StepActions.ProposeWriteOff);
        Assert.That(Cadence.Describe(writeOff, "Maria"), Does.Not.Contain("write"));
    }
}
