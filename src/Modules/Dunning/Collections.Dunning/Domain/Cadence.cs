namespace Collections.Dunning.Domain;

/// <summary>What a run does with one invoice.</summary>
internal sealed record CadenceDecision(PolicyStep? Step, IReadOnlyList<string> Skipped, PolicyStep? NextStep)
{
    public static readonly CadenceDecision Nothing = new(null, [], null);
}

/// <summary>
/// Chooses the step to take for one invoice. Only the latest due step is taken, never a burst of the missed ones
/// (they are reported as skipped); a step already taken, or passed by a later one, is never taken again.
/// </summary>
internal static class Cadence
{
    public static CadenceDecision Decide(IReadOnlyList<PolicyStep> steps, int daysFromDue, IReadOnlySet<string> taken, bool jumpToFirm)
    {
        var lastTaken = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            if (taken.Contains(steps[i].Key))
            {
                lastTaken = i;
            }
        }

        var chosen = -1;
        if (jumpToFirm)
        {
            for (var i = lastTaken + 1; i < steps.Count && chosen < 0; i++)
            {
                if (Tones.Rank(steps[i].Tone) >= Tones.Rank(Tones.Firm) && steps[i].OffsetDays > 0)
                {
                    chosen = i;
                }
            }
        }

        if (chosen < 0)
        {
            for (var i = steps.Count - 1; i > lastTaken; i--)
            {
                if (steps[i].OffsetDays <= daysFromDue)
                {
                    chosen = i;
                    break;
                }
            }
        }

        if (chosen < 0)
        {
            return CadenceDecision.Nothing;
        }

        var skipped = new List<string>();
        for (var i = lastTaken + 1; i < chosen; i++)
        {
            if (!taken.Contains(steps[i].Key))
            {
                skipped.Add(steps[i].Key);
            }
        }

        return new CadenceDecision(steps[chosen], skipped, chosen + 1 < steps.Count ? steps[chosen + 1] : null);
    }

    /// <summary>The debtor-facing sentence for what a step will do (never internal wording such as "write-off").</summary>
    public static string Describe(PolicyStep? next, string senderName) => next switch
    {
        null => $"{senderName} will contact you personally to agree how we settle the account together",
        { Action: StepActions.AssignSenior } => "our head of credit will call you to agree a way forward",
        { Action: StepActions.ProposeAgency } => "we will review whether to pass the account to a collection agency, as our terms provide",
        { Action: StepActions.ProposeLegal } => "we will review whether to take legal steps to recover the amount, as our terms provide",
        { Action: StepActions.ProposeWriteOff } => "our finance team will review the account",
        { Channel: Channels.CallTask } => $"{senderName} will call you to talk it through",
        { Channel: Channels.Letter } => "we will send a final notice by post",
        { Tone: Tones.Firm } => "we will write again and ask you for a firm payment date",
        { Tone: Tones.Final } => "we will send a final notice",
        _ => "we will send you a short reminder",
    };
}
