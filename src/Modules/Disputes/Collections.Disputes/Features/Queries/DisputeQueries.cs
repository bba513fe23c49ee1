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

internal sealed class GetDisputesHandler(DbSession db) : IRequestHandler<GetDisputesQuery, IReadOnlyList<DisputeSummaryDto>>
{
    private const string ByDebtorSql = "SELECT " + DisputeRow.Columns + " FROM disputes_disputes WHERE debtor_id = @DebtorId ORDER BY id DESC";

    public async Task<IReadOnlyList<DisputeSummaryDto>> Handle(GetDisputesQuery query, CancellationToken cancellationToken) =>
        (await db.QueryAsync<DisputeRow>(ByDebtorSql, new { query.DebtorId }, cancellationToken)).Select(r => r.ToSummary()).ToList();
}
