using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;

namespace Collections.Dunning.Features.Runs;

internal sealed record PlannedTake(ReceivableDto Item, PolicyStep Step, IReadOnlyList<string> Skipped, PolicyStep? Next, ChaseVerdict Verdict, DateOnly Today)
{
    public string StepKey => Step.Key;

    public long CollectibleMinor => Verdict.CollectibleMinor;

    public MessageLine Line => new(Item, Verdict.CollectibleMinor, Verdict.DisputedMinor, Verdict.PromisedMinor, Verdict.PromisedBy);

    public string? MessageId { get; set; }

    public string? TaskId { get; set; }
}

internal sealed record PlannedMessage(
    string Id,
    DebtorDto Debtor,
    string Channel,
    PolicyStep Step,
    string TemplateKey,
    ContactDto? Contact,
    ComposedMessage Content,
    IReadOnlyList<PlannedTake> Lines,
    DateTimeOffset NotBefore,
    DateOnly NextStepOn,
    string Status,
    string? Error);

internal sealed record PlannedTask(string Id, string DebtorId, string Kind, string Action, string StepKey, IReadOnlyList<string> InvoiceIds, string Reason, bool Merged);

internal sealed record PlannedPause(string InvoiceId, string DebtorId, string Reason);

/// <summary>A step whose channel could not be used (an SMS step for a contact without consent) and went by another.</summary>
internal sealed record PlannedFallback(string InvoiceId, string DebtorId, string StepKey, string From, string To, string Reason);

internal sealed record RunPlan(
    DateOnly? AsOf,
    int Evaluated,
    IReadOnlyList<PlannedTake> Takes,
    IReadOnlyList<PlannedMessage> Messages,
    IReadOnlyList<PlannedTask> Tasks,
    IReadOnlyList<PlannedPause> Pauses,
    IReadOnlyList<PromiseRow> BrokenPromises,
    IReadOnlyList<string> UsedFlags,
    IReadOnlyList<PlannedFallback> Fallbacks);
