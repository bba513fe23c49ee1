using Collections.Disputes.Contracts;

namespace Collections.Disputes.Domain;

/// <summary>One row of disputes_disputes.</summary>
internal sealed record DisputeRow
{
    public const string Columns = """
        id AS Id, number AS Number, debtor_id AS DebtorId, invoice_id AS InvoiceId, invoice_number AS InvoiceNumber, status AS Status,
        category AS Category, description AS Description, disputed_minor AS DisputedMinor, currency AS Currency, outcome AS Outcome,
        credited_minor AS CreditedMinor, credit_note_id AS CreditNoteId, resolution_note AS ResolutionNote, assignee AS Assignee,
        opened_by AS OpenedBy, opened_at AS OpenedAt, due_by AS DueBy, closed_at AS ClosedAt, version AS Version
        """;

    public const string SelectByIdSql = "SELECT " + Columns + " FROM disputes_disputes WHERE id = @Id";

    public required string Id { get; init; }

    public required string Number { get; init; }

    public required string DebtorId { get; init; }

    public required string InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public required string Status { get; init; }

    public required string Category { get; init; }

    public required string Description { get; init; }

    public long DisputedMinor { get; init; }

    public required string Currency { get; init; }

    public string? Outcome { get; init; }

    public long CreditedMinor { get; init; }

    public string? CreditNoteId { get; init; }

    public string? ResolutionNote { get; init; }

    public string? Assignee { get; init; }

    public required string OpenedBy { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateOnly DueBy { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int Version { get; init; }

    public bool IsOverdue(DateOnly today) => DisputeTransitions.IsActive(Status) && DueBy < today;

    public DisputeSummaryDto ToSummary() =>
        new(Id, Number, DebtorId, InvoiceId, Status, Category, DisputedMinor, Currency, Outcome, OpenedAt, ClosedAt);
}
