using Collections.Disputes.Contracts;
using Collections.Disputes.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Disputes.Features.Queries;

internal sealed class GetOpenDisputesHandler(DbSession db) : IRequestHandler<GetOpenDisputesQuery, IReadOnlyList<DisputeSummaryDto>>
{
    private const string OpenSql = "SELECT " + DisputeRow.Columns + """
         FROM disputes_disputes
        WHERE status IN ('open', 'under_review') AND (@DebtorId IS NULL OR debtor_id = @DebtorId)
        ORDER BY id
        """;

    public async Task<IReadOnlyList<DisputeSummaryDto>> Handle(GetOpenDisputesQuery query, CancellationToken cancellationToken) =>
        (await db.QueryAsync<DisputeRow>(OpenSql, new { query.DebtorId }, cancellationToken)).Select(r => r.ToSummary()).ToList();
}

internal sealed class GetOpenDisputesOfDebtorsHandler(DbSession db) : IRequestHandler<GetOpenDisputesOfDebtorsQuery, IReadOnlyList<DisputeSummaryDto>>
{
    private const string OpenSql = "SELECT " + DisputeRow.Columns + """
         FROM disputes_disputes
        WHERE status IN ('open', 'under_review') AND debtor_id IN @Ids
        ORDER BY id
        """;

    public async Task<IReadOnlyList<DisputeSummaryDto>> Handle(GetOpenDisputesOfDebtorsQuery query, CancellationToken cancellationToken) =>
        (await db.QueryByIdsAsync<DisputeRow>(OpenSql, query.DebtorIds, ids => new { Ids = ids }, cancellationToken)).Select(r => r.ToSummary()).ToList();
}

internal sealed class GetDisputesHandler(DbSession db) : IRequestHandler<GetDisputesQuery, IReadOnlyList<DisputeSummaryDto>>
{
    private const string ByDebtorSql = "SELECT " + DisputeRow.Columns + " FROM disputes_disputes WHERE debtor_id = @DebtorId ORDER BY id DESC";

    public async Task<IReadOnlyList<DisputeSummaryDto>> Handle(GetDisputesQuery query, CancellationToken cancellationToken) =>
        (await db.QueryAsync<DisputeRow>(ByDebtorSql, new { query.DebtorId }, cancellationToken)).Select(r => r.ToSummary()).ToList();
}

internal sealed class GetDisputeThreadsHandler(DbSession db) : IRequestHandler<GetDisputeThreadsQuery, IReadOnlyList<DisputeThreadDto>>
{
    private const string DisputesSql = "SELECT " + DisputeRow.Columns + " FROM disputes_disputes WHERE debtor_id = @DebtorId ORDER BY id";

    private const string MessagesSql = """
        SELECT m.dispute_id AS DisputeId, m.author AS Author, m.author_role AS AuthorRole, m.body AS Body, m.created_at AS CreatedAt
        FROM disputes_messages m JOIN disputes_disputes d ON d.id = m.dispute_id
        WHERE d.debtor_id = @DebtorId AND m.internal = 0
        ORDER BY m.id
        """;

    private const string AttachmentsSql = """
        SELECT a.dispute_id AS DisputeId, a.file_name AS FileName
        FROM disputes_attachments a JOIN disputes_disputes d ON d.id = a.dispute_id
        WHERE d.debtor_id = @DebtorId
        ORDER BY a.id
        """;

    public async Task<IReadOnlyList<DisputeThreadDto>> Handle(GetDisputeThreadsQuery query, CancellationToken cancellationToken)
    {
        var args = new { query.DebtorId };
        var messages = (await db.QueryAsync<MessageRow>(MessagesSql, args, cancellationToken)).ToLookup(m => m.DisputeId);
        var attachments = (await db.QueryAsync<AttachmentRow>(AttachmentsSql, args, cancellationToken)).ToLookup(a => a.DisputeId);
        return (await db.QueryAsync<DisputeRow>(DisputesSql, args, cancellationToken))
            .Select(d => new DisputeThreadDto(
                d.ToSummary(),
                d.Description,
                d.ResolutionNote,
                messages[d.Id].Select(m => new DisputeThreadMessageDto(m.Author, m.AuthorRole, m.Body, m.CreatedAt)).ToList(),
                attachments[d.Id].Select(a => a.FileName).ToList()))
            .ToList();
    }

    private sealed record MessageRow
    {
        public required string DisputeId { get; init; }

        public required string Author { get; init; }

        public required string AuthorRole { get; init; }

        public required string Body { get; init; }

        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed record AttachmentRow
    {
        public required string DisputeId { get; init; }

        public required string FileName { get; init; }
    }
}
