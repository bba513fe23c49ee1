using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Invoicing.Features.Invoices;

internal sealed record NewInvoice(int Index, string ExternalId, UpsertInvoiceRequest Body, DebtorRow Debtor);

/// <summary>
/// Creates many new invoices with one prepared statement per table: the same rows, ledger entries, activity
/// entries and InvoiceCreated notifications as one PUT each, without a round of reads per invoice; then one
/// InvoicesCreated for the batch, which the modules that keep read models handle with set-based work.
/// </summary>
internal sealed class InvoiceBulkCreator(DbSession db, ActivityLog activity, IMediator mediator, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<int, string>> CreateAsync(IReadOnlyList<NewInvoice> invoices, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var values = invoices.Select(i => (Invoice: i, Values: InvoiceValues.Of(Ids.New("inv", time), i.ExternalId, i.Body, i.Debtor, now))).ToList();
        await db.ExecuteAsync(InvoiceUpserter.InsertSql, values.Select(v => v.Values).ToList(), ct);
        var lines = values.SelectMany(v => InvoiceUpserter.LineRows(v.Values.Id, v.Invoice.Body.Lines, Currency.Of(v.Values.Currency))).ToList();
        if (lines.Count > 0)
        {
            await db.ExecuteAsync(InvoiceUpserter.InsertLineSql, lines, ct);
        }

        await db.ExecuteAsync(ReceivableLedger.InsertEntrySql, values.Select(v => new
        {
            Id = Ids.New("led", time),
            v.Values.DebtorId,
            ItemId = v.Values.Id,
            EntryType = EntryTypes.Charge,
            AmountMinor = v.Values.TotalMinor,
            v.Values.Currency,
            BalanceAfterMinor = v.Values.TotalMinor,
            SourceType = "erp",
            SourceId = v.Values.ExternalId,
            Reason = "Invoice issued",
            EffectiveDate = v.Values.IssueDate,
            Now = now,
        }).ToList(), ct);
        await activity.AppendManyAsync(values.Select(v => new ActivityToRecord(v.Values.DebtorId, "invoice.created",
            $"Invoice {v.Values.Number} for {new Money(v.Values.TotalMinor, Currency.Of(v.Values.Currency))} due {v.Values.DueDate:yyyy-MM-dd}.", v.Values.Id)).ToList(), ct);
        var notifications = values.Select(v => new InvoiceCreated(v.Values.Id, v.Values.DebtorId, v.Values.ExternalId, v.Values.Number, v.Values.Currency,
            v.Values.TotalMinor, v.Values.IssueDate, v.Values.DueDate, now)).ToList();
        foreach (var notification in notifications)
        {
            await mediator.Publish(notification, ct);
        }

        await mediator.Publish(new InvoicesCreated(notifications), ct);

        return values.ToDictionary(v => v.Invoice.Index, v => v.Values.Id);
    }
}
