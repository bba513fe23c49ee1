using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;

namespace Collections.Dunning.Tests.Unit;

public sealed class CadenceUnitTests
{
    private static readonly IReadOnlyList<PolicyStep> Standard = Policy("standard");

    private static IReadOnlyList<PolicyStep> Policy(string name) => SeedPolicies.All.Single(p => p.Name == name).Steps;

    private static CadenceDecision Decide(int daysFromDue, bool jump = false, params (string Key, int DaysAgo)[] taken) =>
        Decide(Standard, daysFromDue, jump, taken);

    private static CadenceDecision Decide(IReadOnlyList<PolicyStep> steps, int daysFromDue, bool jump = false, params (string Key, int DaysAgo)[] taken) =>
        Cadence.Decide(steps, daysFromDue, taken.ToDictionary(t => t.Key, t => t.DaysAgo), jump);

    [TestCase(-4, null)]
    [TestCase(-3, "pre_due")]
    [TestCase(0, "pre_due")]
    [TestCase(1, "notice")]
    [TestCase(10, "notice")]
    [TestCase(33, "notice")]
    [TestCase(45, "notice")]
    [TestCase(100, "notice")]
    public void Decide_WhenNeverContacted_StartsAtTheFirstStepThatFitsHoweverOldTheInvoice(int days, string? expected) =>
        Assert.That(Decide(days).Step?.Key, Is.EqualTo(expected));

    [Test]
    public void Decide_WhenImportedLongOverdue_SkipsThePreDueHeadsUpAndNamesTheNextRung()
    {
        var decision = Decide(45);
        Assert.That(decision.Skipped, Is.EqualTo(new[] { "pre_due" }));
        Assert.That(decision.NextStep!.Key, Is.EqualTo("firm"));
    }

    [Test]
    public void Decide_NextStep_FollowsAtThePolicySpacingFromTheStepTaken_NotFromTheDueDate()
    {
        Assert.That(Decide(50, false, ("notice", 5)).Step, Is.Null, "notice (+1) to firm (+7) is six days");
        Assert.That(Decide(51, false, ("notice", 6)).Step!.Key, Is.EqualTo("firm"));
    }

    [Test]
    public void Decide_WhenLatestDueStepAlreadyTaken_TakesNothing() =>
        Assert.That(Decide(8, false, ("pre_due", 11), ("notice", 7), ("firm", 1)).Step, Is.Null);

    [Test]
    public void Decide_WhenALaterStepWasTaken_NeverGoesBack() =>
        Assert.That(Decide(8, false, ("final_notice", 1)).Step, Is.Null);

    [Test]
    public void Decide_AfterAPause_TakesOnlyTheLatestDueStep_ButTheToneRisesOneLevelAtMost()
    {
        var decision = Decide(31, false, ("pre_due", 34), ("notice", 30));

        Assert.That(decision.Step!.Key, Is.EqualTo("call"), "final_notice is due by date, but friendly → final skips firm");
        Assert.That(decision.Skipped, Is.EqualTo(new[] { "firm" }));
        Assert.That(decision.NextStep!.Key, Is.EqualTo("final_notice"));
    }

    [Test]
    public void Decide_SeniorAgencyAndLegal_WaitForTwoWrittenReminders()
    {
        var strategic = Policy("strategic");

        var oneReminder = Decide(strategic, 10, false, ("notice", 7));
        var twoReminders = Decide(strategic, 10, false, ("pre_due", 15), ("notice", 7));
        var passedOver = Decide(strategic, 21, false, ("notice", 18));

        Assert.That(oneReminder.Step, Is.Null, "the senior call waits for a second written reminder");
        Assert.That(twoReminders.Step!.Key, Is.EqualTo("senior_call"));
        Assert.That((passedOver.Step!.Key, passedOver.Skipped.Single()), Is.EqualTo(("firm", "senior_call")));
    }

    [Test]
    public void Decide_WhenJumpingToFirm_TakesTheNextFirmStepBeforeItsDate()
    {
        var decision = Decide(2, true, ("pre_due", 5));
        Assert.That(decision.Step!.Key, Is.EqualTo("firm"));
        Assert.That(decision.Skipped, Is.EqualTo(new[] { "notice" }));
    }

    /// <summary>
    /// Every seeded policy, invoices imported at any age, runs on random days with random downtime: the first contact is a
    /// friendly message, the tone never skips a level, and no senior, agency or legal step comes before two written reminders.
    /// </summary>
    [Test]
    public void Ladder_OverRandomImportAgesAndDowntime_NeverSkipsAToneOrEscalatesEarly(
        [Values("standard", "strategic", "high_risk")] string policy,
        [Values(0, 10, 33, 45, 100)] int importedDaysOverdue)
    {
        var steps = Policy(policy);
        var random = new Random(HashCode.Combine(policy, importedDaysOverdue) & 0x7fffffff);
        for (var trial = 0; trial < 200; trial++)
        {
            var taken = new Dictionary<string, int>();
            var takenOn = new Dictionary<string, int>();
            var sequence = new List<PolicyStep>();
            for (var day = importedDaysOverdue; day < importedDaysOverdue + 400; day += random.Next(1, random.Next(2) == 0 ? 3 : 40))
            {
                foreach (var key in takenOn.Keys)
                {
                    taken[key] = day - takenOn[key];
                }

                var step = Cadence.Decide(steps, day, taken, jumpToFirm: false).Step;
                if (step is not null)
                {
                    sequence.Add(step);
                    takenOn[step.Key] = day;
                    taken[step.Key] = 0;
                }
            }

            Assert.That(sequence, Is.Not.Empty);
            Assert.That((sequence[0].Tone, sequence[0].SendsMessage), Is.EqualTo((Tones.Friendly, true)), $"first contact on {policy} at {importedDaysOverdue} days");
            for (var i = 1; i < sequence.Count; i++)
            {
                var highestSoFar = sequence.Take(i).Max(s => Tones.Rank(s.Tone));
                Assert.That(Tones.Rank(sequence[i].Tone), Is.LessThanOrEqualTo(highestSoFar + 1), $"{string.Join(" → ", sequence.Select(s => s.Key))}");
                if (sequence[i].Action is StepActions.AssignSenior or StepActions.ProposeAgency or StepActions.ProposeLegal)
                {
                    Assert.That(sequence.Take(i).Count(s => s.SendsMessage), Is.GreaterThanOrEqualTo(2), $"{string.Join(" → ", sequence.Select(s => s.Key))}");
                }
            }
        }
    }

    [Test]
    public void Describe_NeverShowsInternalWordsToTheDebtor()
    {
        var writeOff = new PolicyStep("x", 10, Channels.CallTask, "call_script", Tones.Final, StepActions.ProposeWriteOff);
        Assert.That(Cadence.Describe(writeOff, "Maria", Voice.English), Does.Not.Contain("write"));
    }
}
