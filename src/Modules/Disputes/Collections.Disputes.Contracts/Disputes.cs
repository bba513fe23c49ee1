using MediatR;

namespace Collections.Disputes.Contracts;

public static class DisputeStatuses
{
    public const string Open = "open";
    public const string UnderReview = "under_review";
    public const string Resolved = "resolved";
    public const string Withdrawn = "withdrawn";
}

public sealed record DisputeSummaryDto(
    string Id,
    string Number,
    string DebtorId,
    string InvoiceId,
    string Status,
    string Category,
    long DisputedMinor,
    string Currency,
    string? Outcome,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt);

/// <summary>Disputes not yet resolved or withdrawn (optionally of one debtor).</summary>
public sealed record GetOpenDisputesQuery(string? DebtorId = null) : IRequest<IReadOnlyList<DisputeSummaryDto>>;

/// <summary>Disputes not yet resolved or withdrawn of these debtors (one batch of a dunning run).</summary>
public sealed record GetOpenDisputesOfDebtorsQuery(IReadOnlyCollection<string> DebtorIds) : IRequest<IReadOnlyList<DisputeSummaryDto>>;

/// <summary>Every dispute of a debtor, newest first (the case file, insights).</summary>
public sealed record GetDisputesQuery(string DebtorId) : IRequest<IReadOnlyList<DisputeSummaryDto>>;

/// <summary>A message of a dispute's thread as the debtor saw it.</summary>
public sealed record DisputeThreadMessageDto(string Author, string AuthorRole, string Body, DateTimeOffset CreatedAt);

/// <summary>
/// A dispute with what was said: the debtor's description, the thread shared with the debtor, the resolution note and
/// the attachments' names. Internal notes are left out: this goes to people outside the creditor (an agency, a lawyer).
/// </summary>
public sealed record DisputeThreadDto(
    DisputeSummaryDto Dispute,
    string Description,
    string? ResolutionNote,
    IReadOnlyList<DisputeThreadMessageDto> Messages,
    IReadOnlyList<string> AttachmentNames);

/// <summary>Every dispute of a debtor with its shared thread, oldest first (the case file).</summary>
public sealed record GetDisputeThreadsQuery(string DebtorId) : IRequest<IReadOnlyList<DisputeThreadDto>>;

/// <summary>DueBy: the date the creditor has committed to answer by (null from publishers that set none).</summary>
public sealed record DisputeOpened(string DisputeId, string DebtorId, string InvoiceId, long DisputedMinor, string Currency, string Category, DateTimeOffset At, DateOnly? DueBy = null) : INotification;

/// <summary>Outcome: upheld (credited in full), partially_upheld, rejected. CreditedMinor is what was credited.</summary>
/// <summary>Staff answered in a dispute's thread (a message the debtor sees, not an internal note).</summary>
public sealed record DisputeReplied(string DisputeId, string MessageId, string DebtorId, string InvoiceId, string Body, DateTimeOffset At) : INotification;

public sealed record DisputeResolved(string DisputeId, string DebtorId, string InvoiceId, string Outcome, long CreditedMinor, string Currency, DateTimeOffset At) : INotification;

public sealed record DisputeWithdrawn(string DisputeId, string DebtorId, string InvoiceId, DateTimeOffset At) : INotification;
