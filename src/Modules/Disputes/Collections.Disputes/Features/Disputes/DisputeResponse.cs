using Collections.Disputes.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;

namespace Collections.Disputes.Features.Disputes;

public sealed record DisputeMessageResponse(string Id, string Author, string AuthorRole, string Body, bool Internal, DateTimeOffset CreatedAt);

public sealed record DisputeAttachmentResponse(string Id, string FileName, string ContentType, long SizeBytes, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record DisputeHistoryResponse(string? FromStatus, string ToStatus, string Actor, string? Note, DateTimeOffset OccurredAt);

public sealed record DisputeResponse(
    string Id,
    string Number,
    string DebtorId,
    string InvoiceId,
    string InvoiceNumber,
    string Status,
    string Reason,
    string Description,
    MoneyDto Disputed,
    string? Outcome,
    MoneyDto Credited,
    string? CreditNoteId,
    string? ResolutionNote,
    string? Assignee,
    DateTimeOffset OpenedAt,
    DateOnly DueBy,
    bool Overdue,
    DateTimeOffset? ClosedAt,
    int Version,
    IReadOnlyList<DisputeMessageResponse> Messages,
    IReadOnlyList<DisputeAttachmentResponse> Attachments,
    IReadOnlyList<DisputeHistoryResponse> History);

/// <summary>The whole case file as the caller may see it: a debtor session never receives internal notes.</summary>
internal sealed class DisputeResponses(DbSession db, CallerContext caller, TimeProvider time)
{
    private const string MessagesSql = """
        SELECT id AS Id, author AS Author, author_role AS AuthorRole, body AS Body, internal AS Internal, created_at AS CreatedAt
        FROM disputes_messages WHERE dispute_id = @DisputeId AND (@Everything = 1 OR internal = 0) ORDER BY id
        """;

    private const string AttachmentsSql = """
        SELECT id AS Id, file_name AS FileName, content_type AS ContentType, size_bytes AS SizeBytes, uploaded_by AS UploadedBy, uploaded_at AS UploadedAt
        FROM disputes_attachments WHERE dispute_id = @DisputeId ORDER BY id
        """;

    private const string HistorySql = """
        SELECT from_status AS FromStatus, to_status AS ToStatus, actor AS Actor, note AS Note, occurred_at AS OccurredAt
        FROM disputes_history WHERE dispute_id = @DisputeId ORDER BY id
        """;

    public async Task<DisputeResponse> ForAsync(DisputeRow row, CancellationToken ct)
    {
        var everything = caller.Current.IsStaff ? 1 : 0;
        var messages = await db.QueryAsync<MessageRow>(MessagesSql, new { DisputeId = row.Id, Everything = everything }, ct);
        var attachments = await db.QueryAsync<AttachmentRow>(AttachmentsSql, new { DisputeId = row.Id }, ct);
        var history = await db.QueryAsync<HistoryRow>(HistorySql, new { DisputeId = row.Id }, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new DisputeResponse(
            row.Id, row.Number, row.DebtorId, row.InvoiceId, row.InvoiceNumber, row.Status, row.Category, row.Description,
            MoneyDto.Of(row.DisputedMinor, row.Currency), row.Outcome, MoneyDto.Of(row.CreditedMinor, row.Currency), row.CreditNoteId,
            row.ResolutionNote, row.Assignee, row.OpenedAt, row.DueBy, row.IsOverdue(today), row.ClosedAt, row.Version,
            messages.Select(m => new DisputeMessageResponse(m.Id, m.Author, m.AuthorRole, m.Body, m.Internal, m.CreatedAt)).ToList(),
            attachments.Select(a => new DisputeAttachmentResponse(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedBy, a.UploadedAt)).ToList(),
            history.Select(h => new DisputeHistoryResponse(h.FromStatus, h.ToStatus, h.Actor, h.Note, h.OccurredAt)).ToList());
    }

    private sealed record MessageRow
    {
        public required string Id { get; init; }

        public required string Author { get; init; }

        public required string AuthorRole { get; init; }

        public required string Body { get; init; }

        public bool Internal { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed record AttachmentRow
    {
        public required string Id { get; init; }

        public required string FileName { get; init; }

        public required string ContentType { get; init; }

        public long SizeBytes { get; init; }

        public required string UploadedBy { get; init; }

        public DateTimeOffset UploadedAt { get; init; }
    }

    private sealed record HistoryRow
    {
        public string? FromStatus { get; init; }

        public required string ToStatus { get; init; }

        public required string Actor { get; init; }

        public string? Note { get; init; }

        public DateTimeOffset OccurredAt { get; init; }
    }
}
