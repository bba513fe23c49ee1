using Collections.Payments.Contracts;
using Collections.Payments.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Payments.Features.Payments;

internal sealed class GetUnappliedCreditHandler(DbSession db) : IRequestHandler<GetUnappliedCreditQuery, IReadOnlyList<UnappliedCreditDto>>
{
    private const string CreditSql = """
        SELECT currency AS Currency, SUM(unapplied_minor) AS AmountMinor
        FROM payments_payments
        WHERE debtor_id = @DebtorId AND unapplied_minor > 0
        GROUP BY currency
        ORDER BY currency
        """;

    public async Task<IReadOnlyList<UnappliedCreditDto>> Handle(GetUnappliedCreditQuery request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<CreditRow>(CreditSql, new { request.DebtorId }, cancellationToken)).Select(r => new UnappliedCreditDto(r.Currency, r.AmountMinor)).ToList();

    private sealed record CreditRow
    {
        public required string Currency { get; init; }

        public long AmountMinor { get; init; }
    }
}

internal sealed class GetPaymentsHandler(DbSession db, PaymentBook book) : IRequestHandler<GetPaymentsQuery, IReadOnlyList<PaymentSummaryDto>>
{
    private const string PaymentsSql = "SELECT " + PaymentRow.Columns + """
         FROM payments_payments
        WHERE status <> 'chargeback'
          AND (@DebtorId IS NULL OR debtor_id = @DebtorId)
          AND (@From IS NULL OR received_on >= @From)
        ORDER BY received_on, id
        """;

    public async Task<IReadOnlyList<PaymentSummaryDto>> Handle(GetPaymentsQuery request, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<PaymentRow>(PaymentsSql, new { request.DebtorId, request.From }, cancellationToken);
        var result = new List<PaymentSummaryDto>(rows.Count);
        foreach (var row in rows)
        {
            var allocations = (await book.AllocationsAsync(row.Id, cancellationToken))
                .Where(a => a.ActiveMinor > 0)
                .Select(a => new PaymentAllocationDto(a.ItemId, a.ActiveMinor, a.DiscountMinor))
                .ToList();
            result.Add(new PaymentSummaryDto(row.Id, row.DebtorId, row.Currency, row.AmountMinor, row.UnappliedMinor, row.RefundedMinor,
                row.Method, row.Status, row.ReceivedOn, row.RecordedAt, allocations));
        }

        return result;
    }
}
