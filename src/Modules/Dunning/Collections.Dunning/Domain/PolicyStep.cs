namespace Collections.Dunning.Domain;

/// <summary>One step of a dunning policy. Key is stable: it is what "taken once per invoice, ever" refers to.</summary>
public sealed record PolicyStep(string Key, int OffsetDays, string Channel, string Template, string Tone, string Action = StepActions.None)
{
    public bool SendsMessage => Channel is Channels.Email or Channels.Letter or Channels.Sms;

    public bool MakesTask => Channel == Channels.CallTask || Action != StepActions.None;
}

internal sealed record DunningPolicy(string Id, string Name, string Description, IReadOnlyList<PolicyStep> Steps, int Version);

internal static class SeedPolicies
{
    public static readonly (string Id, string Name, string Description, PolicyStep[] Steps)[] All =
    [
        ("pol_standard", "standard", "The default cadence: a heads-up before the due date, a notice after, firmer later, a call, a final letter, then proposals for staff.",
        [
            new("pre_due", -3, Channels.Email, "email_pre_due", Tones.Friendly),
            new("notice", 1, Channels.Email, "email_notice", Tones.Friendly),
            new("firm", 7, Channels.Email, "email_firm", Tones.Firm),
            new("call", 14, Channels.CallTask, "call_script", Tones.Firm),
            new("final_notice", 30, Channels.Letter, "letter_final", Tones.Final),
            new("senior_call", 45, Channels.CallTask, "call_script", Tones.Final, StepActions.AssignSenior),
            new("agency", 60, Channels.CallTask, "call_script", Tones.Final, StepActions.ProposeAgency),
            new("legal", 90, Channels.CallTask, "call_script", Tones.Final, StepActions.ProposeLegal),
        ]),
        ("pol_strategic", "strategic", "For strategic accounts: softer and slower, with a senior call early.",
        [
            new("pre_due", -5, Channels.Email, "email_pre_due", Tones.Friendly),
            new("notice", 3, Channels.Email, "email_notice", Tones.Friendly),
            new("senior_call", 10, Channels.CallTask, "call_script", Tones.Friendly, StepActions.AssignSenior),
            new("firm", 21, Channels.Email, "email_firm", Tones.Firm),
            new("final_notice", 45, Channels.Letter, "letter_final", Tones.Final),
            new("agency", 90, Channels.CallTask, "call_script", Tones.Final, StepActions.ProposeAgency),
        ]),
        ("pol_high_risk", "high_risk", "For high-risk accounts: earlier and tighter.",
        [
            new("pre_due", -7, Channels.Email, "email_pre_due", Tones.Friendly),
            new("notice", 1, Channels.Email, "email_notice", Tones.Friendly),
            new("call", 5, Channels.CallTask, "call_script", Tones.Firm),
            new("firm", 7, Channels.Email, "email_firm", Tones.Firm),
            new("final_notice", 21, Channels.Letter, "letter_final", Tones.Final),
            new("senior_call", 28, Channels.CallTask, "call_script", Tones.Final, StepActions.AssignSenior),
            new("agency", 45, Channels.CallTask, "call_script", Tones.Final, StepActions.ProposeAgency),
            new("legal", 75, Channels.CallTask, "call_script", Tones.Final, StepActions.ProposeLegal),
        ]),
    ];
}
