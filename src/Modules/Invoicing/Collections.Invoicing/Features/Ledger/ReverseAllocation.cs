using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Invoicing.Features.Ledger;

/// <summary>Reverses money a source applied earlier (refund, chargeback, failed debit); a discount that payment earned goes with it.</summary>
internal sealed class ReverseAllocationHandler(DbSession db, InvoiceReader invoices, ReceivableLedger ledger) : IRequestHandler<ReverseAllocationCommand, AllocationResult>
{
    private const string NetSql = """
        SELECT COALESCE(SUM(CASE WHEN entry_type IN ('allocation', 'reversal') THEN -amount_minor ELSE 0 END), 0) AS AppliedMinor,
               COALESCE(SUM(CASE WHEN entry_type IN ('discount', 'discount_reversal') THEN -amount_minor ELSE 0 END), 0) AS DiscountMinor
        FROM invoicing_ledger_entries
        WHERE item_id = @ItemId AND source_type = @SourceType AND source_id = @SourceId
        """;

    public async Task<AllocationResult> Handle(ReverseAllocationCommand command, CancellationToken cancellationToken)
    {
        var item = await invoices.FindAsync(command.ItemId, cancellationToken) ?? throw new NotFoundException("Invoice", command.ItemId);
        var net = await db.QuerySingleOrDefaultAsync<NetApplied>(NetSql, new { command.ItemId, command.SourceType, command.SourceId }, cancellationToken);
        if (command.AmountMinor <= 0 || command.AmountMinor > (net?.AppliedMinor ?? 0))
        {
            throw new BusinessRuleException($"Only {net?.AppliedMinor ?? 0} minor units from {command.SourceType} {command.SourceId} are applied to invoice {item.Number}.");
        }

        if (item.Currency != command.Currency)
        {
            throw new BusinessRuleException($"Invoice {item.Number} is in {item.Currency}, not {command.Currency}.");
        }

        var today = await invoices.TodayForAsync(item.DebtorId, cancellationToken);
        var after = await ledger.PostAsync(new LedgerPosting(item.Id, EntryTypes.Reversal, command.AmountMinor, today, command.SourceType, command.SourceId, command.Reason, PaidDeltaMinor: -command.AmountMinor, ReopensSettledItem: true), cancellationToken);
        if (net!.DiscountMinor > 0)
        {
            after = await ledger.PostAsync(new LedgerPosting(item.Id, EntryTypes.DiscountReversal, net.DiscountMinor, today, command.SourceType, command.SourceId, "Early-payment discount withdrawn with the payment"), cancellationToken);
        }

        return new AllocationResult(item.Id, -command.AmountMinor, -net.DiscountMinor, after.BalanceMinor);
    }

    private sealed record NetApplied
    {
        public long AppliedMinor { get; init; }

        public long DiscountMinor { get; init; }
    }
}
