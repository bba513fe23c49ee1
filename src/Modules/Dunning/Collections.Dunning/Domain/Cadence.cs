using Collections.Dunning.Domain.Languages;

namespace Collections.Dunning.Domain;

/// <summary>What a run does with one invoice.</summary>
internal sealed record CadenceDecision(PolicyStep? Step, IReadOnlyList<string> Skipped, PolicyStep? NextStep)
{
    public static readonly CadenceDecision Nothing = new(null, [], null);
}

/// <summary>
/// Chooses the step to take for one invoice: a ladder climbed one rung at a time from the first contact.
/// <list type="bullet">
/// <item>An invoice never contacted starts at the first step that fits: a pre-due step if it is not yet due, else the
/// policy's first overdue step, however old the invoice is.</item>
/// <item>Later steps follow at the policy's spacing from the last step actually taken, not from the due date.</item>
/// <item>After a pause or downtime only the latest due step is taken, never a burst (the passed ones are reported as
/// skipped), but the tone rises at most one level (friendly → firm → final) and a senior call, an agency or a legal
/// step needs two written reminders first; a step passed that way is never taken later.</item>
/// <item>A broken promise or defaulted plan goes straight to the next firm step (the debtor broke its word).</item>
/// </list>
/// </summary>
internal static class Cadence
{
    private const int WrittenRemindersBeforeEscalation = 2;

    /// <param name="daysSinceTaken">For each step already taken for the invoice, the days since it was taken.</param>
    public static CadenceDecision Decide(IReadOnlyList<PolicyStep> steps, int daysFromDue, IReadOnlyDictionary<string, int> daysSinceTaken, bool jumpToFirm)
    {
        var last = -1;
        var toneSoFar = -1;
        var written = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            if (daysSinceTaken.ContainsKey(steps[i].Key))
            {
                last = i;
                toneSoFar = Math.Max(toneSoFar, Tones.Rank(steps[i].Tone));
                written += steps[i].SendsMessage ? 1 : 0;
            }
        }

        bool Escalates(PolicyStep step) => step.Action is StepActions.AssignSenior or StepActions.ProposeAgency or StepActions.ProposeLegal;
        bool Allowed(int i, int firstCandidate) =>
            (i == firstCandidate || Tones.Rank(steps[i].Tone) <= toneSoFar + 1) && (!Escalates(steps[i]) || written >= WrittenRemindersBeforeEscalation);

        var chosen = jumpToFirm ? FirstFirm(steps, last, s => !Escalates(s) || written >= WrittenRemindersBeforeEscalation) : -1;
        if (chosen < 0)
        {
            var neverContacted = last < 0;
            var ladderDays = neverContacted ? daysFromDue : steps[last].OffsetDays + daysSinceTaken[steps[last].Key];
            var candidates = Enumerable.Range(last + 1, steps.Count - last - 1)
                .Where(i => steps[i].OffsetDays <= ladderDays && !(neverContacted && daysFromDue > 0 && steps[i].OffsetDays <= 0))
                .ToList();
            var allowed = candidates.Where(i => Allowed(i, candidates[0])).ToList();
            if (allowed.Count == 0)
            {
                return CadenceDecision.Nothing;
            }

            chosen = neverContacted ? allowed[0] : allowed[^1];
        }

        var skipped = steps.Skip(last + 1).Take(chosen - last - 1).Select(s => s.Key).ToList();
        var writtenAfter = written + (steps[chosen].SendsMessage ? 1 : 0);
        var next = steps.Skip(chosen + 1).FirstOrDefault(s => !Escalates(s) || writtenAfter >= WrittenRemindersBeforeEscalation);
        return new CadenceDecision(steps[chosen], skipped, next);
    }

    private static int FirstFirm(IReadOnlyList<PolicyStep> steps, int last, Func<PolicyStep, bool> permitted)
    {
        for (var i = last + 1; i < steps.Count; i++)
        {
            if (Tones.Rank(steps[i].Tone) >= Tones.Rank(Tones.Firm) && steps[i].OffsetDays > 0 && permitted(steps[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The debtor-facing sentence for what a step will do (never internal wording such as "write-off").</summary>
    public static string Describe(PolicyStep? next, string senderName, Voice voice) => next switch
    {
        null => voice.Say("next.personal", ("sender", senderName)),
        { Action: StepActions.AssignSenior } => voice.Say("next.seniorCall"),
        { Action: StepActions.ProposeAgency } => voice.Say("next.agencyReview"),
        { Action: StepActions.ProposeLegal } => voice.Say("next.legalReview"),
        { Action: StepActions.ProposeWriteOff } => voice.Say("next.financeReview"),
        { Channel: Channels.CallTask } => voice.Say("next.call", ("sender", senderName)),
        { Channel: Channels.Letter } => voice.Say("next.letter"),
        { Tone: Tones.Firm } => voice.Say("next.firm"),
        { Tone: Tones.Final } => voice.Say("next.final"),
        _ => voice.Say("next.reminder"),
    };
}
