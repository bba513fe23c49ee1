using Collections.Invoicing.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Invoicing.Features.Invoices;

/// <summary>Builds invoice responses: a page's lines and its debtors' dates come from one query each, whatever the page size.</summary>
internal sealed class InvoiceResponses(DbSession db, TimeProvider time)
{
    private const string LinesSql = """
        SELECT invoice_id AS InvoiceId, description AS Description, quantity AS Quantity, unit_price_minor AS UnitPriceMinor, amount_minor AS AmountMinor
        FROM invoicing_invoice_lines WHERE invoice_id IN @InvoiceIds ORDER BY invoice_id, position
        """;

    private const string TimeZonesSql = "SELECT id AS DebtorId, time_zone AS TimeZone FROM invoicing_debtors WHERE id IN @DebtorIds";

    public async Task<InvoiceResponse> ForAsync(ReceivableRow row, CancellationToken ct) => (await ForAsync([row], ct))[0];

    public async Task<IReadOnlyList<InvoiceResponse>> ForAsync(IReadOnlyList<ReceivableRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var lines = (await db.QueryByIdsAsync<LineRow>(LinesSql, rows.Select(r => r.Id), ids => new { InvoiceIds = ids }, ct)).ToLookup(l => l.InvoiceId);
        var zones = (await db.QueryByIdsAsync<DebtorZone>(TimeZonesSql, rows.Select(r => r.DebtorId), ids => new { DebtorIds = ids }, ct))
            .ToDictionary(z => z.DebtorId, z => z.TimeZone);

        return rows.Select(row => InvoiceResponse.From(
                row,
                DebtorCalendar.Today(time, zones.GetValueOrDefault(row.DebtorId) ?? "UTC"),
                lines[row.Id].Select(l => new InvoiceLineResponse(
                    l.Description, l.Quantity, MoneyDto.Of(l.UnitPriceMinor, row.Currency), MoneyDto.Of(l.AmountMinor, row.Currency))).ToList()))
            .ToList();
    }

    private sealed record LineRow
    {
        public required string InvoiceId { get; init; }

        public required string Description { get; init; }

        public decimal Quantity { get; init; }

        public long UnitPriceMinor { get; init; }

        public long AmountMinor { get; init; }
    }

    private sealed record DebtorZone
    {
        public required string DebtorId { get; init; }

        public required string TimeZone { get; init; }
    }
}
