using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Invoicing.Features.Invoices;

internal enum UpsertOutcome
{
    Created,
    Updated,
    Unchanged,
}

internal sealed record InvoiceUpsertResult(ReceivableRow Invoice, UpsertOutcome Outcome);

/// <summary>
/// Creates or updates one invoice from an ERP body (used by the single PUT and the batch import).
/// Money fields are frozen once anything was paid, credited or disputed: credit notes exist for that.
/// </summary>
internal sealed class InvoiceUpserter(DbSession db, DebtorReader debtors, InvoiceReader invoices, ReceivableLedger ledger, ActivityLog activity, IMediator mediator, TimeProvider time)
{
    public const string InsertSql = """
        INSERT INTO invoicing_receivables (id, kind, external_id, debtor_id, parent_id, number, po_number, currency, issue_date, due_date,
            total_minor, balance_minor, paid_minor, credited_minor, disputed_minor, payment_plan_id, placed, status, net_days,
            discount_basis_points, discount_days, late_fee_policy_json, content_hash, version, created_at, updated_at)
        VALUES (@Id, 'invoice', @ExternalId, @DebtorId, NULL, @Number, @PoNumber, @Currency, @IssueDate, @DueDate,
            @TotalMinor, @TotalMinor, 0, 0, 0, NULL, @False, 'open', @NetDays, @DiscountBasisPoints, @DiscountDays, @LateFeePolicyJson, @ContentHash, 1, @Now, @Now)
        """;

    private const string UpdateSql = """
        UPDATE invoicing_receivables SET debtor_id = @DebtorId, number = @Number, po_number = @PoNumber, currency = @Currency,
            issue_date = @IssueDate, due_date = @DueDate, total_minor = @TotalMinor, net_days = @NetDays,
            discount_basis_points = @DiscountBasisPoints, discount_days = @DiscountDays, late_fee_policy_json = @LateFeePolicyJson, content_hash = @ContentHash,
            version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    private const string DeleteLinesSql = "DELETE FROM invoicing_invoice_lines WHERE invoice_id = @InvoiceId";
    public const string InsertLineSql = """
        INSERT INTO invoicing_invoice_lines (invoice_id, position, description, quantity, unit_price_minor, amount_minor)
        VALUES (@InvoiceId, @Position, @Description, @Quantity, @UnitPriceMinor, @AmountMinor)
        """;

    public async Task<InvoiceUpsertResult> UpsertAsync(string externalId, UpsertInvoiceRequest body, CancellationToken ct)
    {
        var debtor = await debtors.FindByExternalIdAsync(body.DebtorExternalId!, ct)
            ?? throw new BusinessRuleException($"Debtor '{body.DebtorExternalId}' does not exist. Send PUT /api/v1/debtors/by-external-id/{body.DebtorExternalId} first.");
        var currency = Currency.Of(body.Currency!);
        var issueDate = body.IssueDate!.Value;
        var values = InvoiceValues.Of(Ids.New("inv", time), externalId, body, debtor, time.GetUtcNow());

        var existing = await invoices.FindByExternalIdAsync(externalId, ct);
        if (existing is null)
        {
            var id = values.Id;
            await db.ExecuteAsync(InsertSql, values, ct);
            await InsertLinesAsync(id, body.Lines, currency, ct);
            var created = (await invoices.FindAsync(id, ct))!;
            await ledger.RecordEntryAsync(created, EntryTypes.Charge, created.TotalMinor, issueDate, "erp", externalId, "Invoice issued", ct);
            await activity.AppendAsync(debtor.Id, "invoice.created", $"Invoice {created.Number} for {new Money(created.TotalMinor, currency)} due {created.DueDate:yyyy-MM-dd}.", id, ct: ct);
            var notification = new InvoiceCreated(id, debtor.Id, externalId, created.Number, currency.Code, created.TotalMinor, issueDate, created.DueDate, values.Now);
            await mediator.Publish(notification, ct);
            await mediator.Publish(new InvoicesCreated([notification]), ct);
            return new InvoiceUpsertResult(created, UpsertOutcome.Created);
        }

        if (existing.ContentHash == values.ContentHash)
        {
            return new InvoiceUpsertResult(existing, UpsertOutcome.Unchanged);
        }

        if (existing.Kind != ItemKinds.Invoice || existing.Status is not (InvoiceStatuses.Open or InvoiceStatuses.Paid))
        {
            throw new ConflictException($"Invoice {existing.Number} is {existing.Status.Replace('_', ' ')} and can no longer be changed.");
        }

        var moneyChanged = existing.TotalMinor != values.TotalMinor || existing.Currency != values.Currency || existing.DebtorId != values.DebtorId;
        if (moneyChanged && (existing.PaidMinor != 0 || existing.CreditedMinor != 0 || existing.DisputedMinor != 0 || existing.BalanceMinor != existing.TotalMinor))
        {
            throw new ConflictException($"Invoice {existing.Number} has payments, credits or a dispute; its total, currency and debtor can no longer change. Issue a credit note instead.");
        }

        if (await db.ExecuteAsync(UpdateSql, new
        {
            existing.Id,
            values.DebtorId,
            values.Number,
            values.PoNumber,
            values.Currency,
            values.IssueDate,
            values.DueDate,
            values.TotalMinor,
            values.NetDays,
            values.DiscountBasisPoints,
            values.DiscountDays,
            values.LateFeePolicyJson,
            values.ContentHash,
            values.Now,
            existing.Version,
        }, ct) == 0)
        {
            throw new ConflictException($"Invoice {existing.Number} was changed by another request. Retry.");
        }

        await ReplaceLinesAsync(existing.Id, body.Lines, currency, ct);
        if (moneyChanged)
        {
            await ledger.PostAsync(new LedgerPosting(existing.Id, EntryTypes.Adjustment, values.TotalMinor - existing.TotalMinor, issueDate, "erp", externalId, "Invoice total changed by the ERP"), ct);
        }

        var updated = (await invoices.FindAsync(existing.Id, ct))!;
        await activity.AppendAsync(updated.DebtorId, "invoice.updated", $"Invoice {updated.Number} updated by the ERP (version {updated.Version}).", updated.Id, ct: ct);
        return new InvoiceUpsertResult(updated, UpsertOutcome.Updated);
    }

    private async Task ReplaceLinesAsync(string invoiceId, IReadOnlyList<UpsertInvoiceLine>? lines, Currency currency, CancellationToken ct)
    {
        await db.ExecuteAsync(DeleteLinesSql, new { InvoiceId = invoiceId }, ct);
        await InsertLinesAsync(invoiceId, lines, currency, ct);
    }

    public static IEnumerable<object> LineRows(string invoiceId, IReadOnlyList<UpsertInvoiceLine>? lines, Currency currency) =>
        (lines ?? []).Select((line, position) => new
        {
            InvoiceId = invoiceId,
            Position = position,
            Description = line.Description!.Trim(),
            line.Quantity,
            UnitPriceMinor = Money.FromMajor(line.UnitPrice, currency).Minor,
            AmountMinor = Money.FromMajor(line.Amount, currency).Minor,
        });

    private async Task InsertLinesAsync(string invoiceId, IReadOnlyList<UpsertInvoiceLine>? lines, Currency currency, CancellationToken ct)
    {
        if (lines is { Count: > 0 })
        {
            await db.ExecuteAsync(InsertLineSql, LineRows(invoiceId, lines, currency).ToList(), ct);
        }
    }
}
