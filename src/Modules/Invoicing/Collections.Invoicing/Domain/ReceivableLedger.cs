using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Invoicing.Domain;

internal static class EntryTypes
{
    public const string Charge = "charge";
    public const string Adjustment = "adjustment";
    public const string Allocation = "allocation";
    public const string Reversal = "reversal";
    public const string CreditNote = "credit_note";
    public const string Discount = "discount";
    public const string DiscountReversal = "discount_reversal";
    public const string WriteOff = "write_off";
    public const string Void = "void";
    public const string Waiver = "waiver";
}

/// <summary>A signed change to one item's balance (negative reduces what is owed).</summary>
internal sealed record LedgerPosting(
    string ItemId,
    string EntryType,
    long DeltaMinor,
    DateOnly EffectiveDate,
    string? SourceType = null,
    string? SourceId = null,
    string? Reason = null,
    long PaidDeltaMinor = 0,
    long CreditedDeltaMinor = 0,
    string ClosedStatus = InvoiceStatuses.Paid,
    bool ReopensSettledItem = false);

/// <summary>
/// The only way a balance changes: one guarded UPDATE (never below zero, only on a live item), one
/// immutable ledger entry with the balance after it, one InvoiceBalanceChanged — all in the caller's
/// transaction. The guard in the UPDATE is what keeps racing payments from over-applying an item.
/// One posting may touch a settled item: money that leaves again (a refund or chargeback reversing a payment) reopens a
/// written-off invoice or a waived fee with what it reverses as its balance; the write-off or waiver keeps covering what
/// it covered (docs/payments.md, "Reversals on settled items").
/// </summary>
internal sealed class ReceivableLedger(DbSession db, IMediator publisher, TimeProvider time)
{
    private const string ApplySql = """
        UPDATE invoicing_receivables
        SET balance_minor = balance_minor + @DeltaMinor,
            paid_minor = paid_minor + @PaidDeltaMinor,
            credited_minor = credited_minor + @CreditedDeltaMinor,
            disputed_minor = CASE WHEN disputed_minor > balance_minor + @DeltaMinor THEN balance_minor + @DeltaMinor ELSE disputed_minor END,
            status = CASE WHEN balance_minor + @DeltaMinor = 0 THEN @ClosedStatus ELSE 'open' END,
            version = version + 1,
            updated_at = @Now
        WHERE id = @ItemId AND balance_minor + @DeltaMinor >= 0
          AND (status IN ('open', 'paid') OR (@ReopensSettledItem = 1 AND status IN ('written_off', 'waived')))
        """;

    /// <summary>The width of a ledger entry's and a credit note's reason; a longer one (a dispute note quoted in full) is clipped.</summary>
    public const int ReasonLength = 500;

    public const string InsertEntrySql = """
        INSERT INTO invoicing_ledger_entries
            (id, debtor_id, item_id, entry_type, amount_minor, currency, balance_after_minor, source_type, source_id, reason, effective_date, recorded_at)
        VALUES (@Id, @DebtorId, @ItemId, @EntryType, @AmountMinor, @Currency, @BalanceAfterMinor, @SourceType, @SourceId, @Reason, @EffectiveDate, @Now)
        """;

    public async Task<ReceivableRow> PostAsync(LedgerPosting posting, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await db.ExecuteAsync(ApplySql, new
        {
            posting.ItemId,
            posting.DeltaMinor,
            posting.PaidDeltaMinor,
            posting.CreditedDeltaMinor,
            posting.ClosedStatus,
            posting.ReopensSettledItem,
            Now = now,
        }, ct) == 0)
        {
            throw await RefusalFor(posting, ct);
        }

        var after = await db.QuerySingleOrDefaultAsync<ReceivableRow>(ReceivableRow.SelectByIdSql, new { Id = posting.ItemId }, ct);
        await RecordEntryAsync(after!, posting.EntryType, posting.DeltaMinor, posting.EffectiveDate, posting.SourceType, posting.SourceId, posting.Reason, ct);
        await publisher.Publish(new InvoiceBalanceChanged(
            after!.Id, after.Kind, after.DebtorId, after.ExternalId, after.Currency, after.BalanceMinor - posting.DeltaMinor, after.BalanceMinor,
            posting.EntryType, posting.SourceId, now), ct);
        return after;
    }

    public Task RecordEntryAsync(ReceivableRow item, string entryType, long amountMinor, DateOnly effectiveDate, string? sourceType, string? sourceId, string? reason, CancellationToken ct) =>
        db.ExecuteAsync(InsertEntrySql, new
        {
            Id = Ids.New("led", time),
            item.DebtorId,
            ItemId = item.Id,
            EntryType = entryType,
            AmountMinor = amountMinor,
            item.Currency,
            BalanceAfterMinor = item.BalanceMinor,
            SourceType = sourceType,
            SourceId = sourceId,
            Reason = reason is null ? null : Text.Clip(reason, ReasonLength),
            EffectiveDate = effectiveDate,
            Now = time.GetUtcNow(),
        }, ct);

    private async Task<Exception> RefusalFor(LedgerPosting posting, CancellationToken ct)
    {
        var item = await db.QuerySingleOrDefaultAsync<ReceivableRow>(ReceivableRow.SelectByIdSql, new { Id = posting.ItemId }, ct);
        if (item is null)
        {
            return new NotFoundException("Invoice", posting.ItemId);
        }

        if (item.Status is not (InvoiceStatuses.Open or InvoiceStatuses.Paid))
        {
            return new ConflictException($"Invoice {item.Number} is {item.Status.Replace('_', ' ')}; its balance can no longer change.");
        }

        var balance = new Money(item.BalanceMinor, Currency.Of(item.Currency));
        return new BusinessRuleException($"{new Money(-posting.DeltaMinor, balance.Currency)} is more than the balance of {balance} on invoice {item.Number}.");
    }
}
