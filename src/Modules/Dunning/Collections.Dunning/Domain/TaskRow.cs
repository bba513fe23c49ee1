namespace Collections.Dunning.Domain;

internal sealed record TaskRow
{
    public const string Columns = """
        id AS Id, debtor_id AS DebtorId, kind AS Kind, action AS Action, step_key AS StepKey, invoice_ids AS InvoiceIds, reason AS Reason,
        status AS Status, outcome AS Outcome, note AS Note, created_at AS CreatedAt, completed_at AS CompletedAt, completed_by AS CompletedBy
        """;

    public string Id { get; init; } = "";
    public string DebtorId { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Action { get; init; } = "";
    public string? StepKey { get; init; }
    public string InvoiceIds { get; init; } = "";
    public string Reason { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Outcome { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? CompletedBy { get; init; }
}

public sealed record TaskResponse(string Id, string DebtorId, string Kind, string Action, string? Step, IReadOnlyList<string> InvoiceIds, string Reason, string Status, string? Outcome, string? Note, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? CompletedBy)
{
    internal static TaskResponse From(TaskRow row) => new(row.Id, row.DebtorId, row.Kind, row.Action, row.StepKey, IdList.Split(row.InvoiceIds), row.Reason, row.Status, row.Outcome, row.Note, row.CreatedAt, row.CompletedAt, row.CompletedBy);
}
