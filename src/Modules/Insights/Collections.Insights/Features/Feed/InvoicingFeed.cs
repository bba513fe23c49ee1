using Collections.Insights.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Insights.Features.Feed;

/// <summary>
/// Invoices and fee charges. Credit notes, write-offs and voids reach the read model as InvoiceBalanceChanged
/// (reason credit_note, write_off, void), so CreditNoteIssued and InvoiceWrittenOff need no handler of their own.
/// New invoices, a whole command's at once (a PUT's one or an import's batch): the same rows, movements, alerts and
/// band as handling each invoice on its own, in order, but with one statement per table and one balance read, risk
/// score and band per debtor instead of per invoice. Invoices already in the read model (a replay) are skipped.
/// </summary>
internal sealed class InvoicesCreatedFeed(InsightsStore store, DebtorSignals signals) : INotificationHandler<InvoicesCreated>
{
    public async Task Handle(InvoicesCreated n, CancellationToken cancellationToken)
    {
        var added = await store.TryInsertItemsAsync(n.Invoices.Select(i => new ItemRow
        {
            Id = i.InvoiceId,
            Kind = ItemKinds.Invoice,
            DebtorId = i.DebtorId,
            Currency = i.Currency,
            IssueDate = i.IssueDate,
            DueDate = i.DueDate,
            TotalMinor = i.TotalMinor,
            BalanceMinor = i.TotalMinor,
            Status = i.TotalMinor == 0 ? InvoiceStatuses.Paid : InvoiceStatuses.Open,
        }).ToList(), cancellationToken);
        if (added.Count == 0)
        {
            return;
        }

        await store.AddMovementsAsync(added.Select(item => new NewMovement(item, item.IssueDate, MovementReasons.Sale, null, item.TotalMinor)).ToList(), cancellationToken);
        await signals.CheckCreditLimitsAsync(added, cancellationToken);
        foreach (var debtorId in added.Select(i => i.DebtorId).Distinct(StringComparer.Ordinal))
        {
            await signals.RefreshBandAsync(debtorId, cancellationToken);
        }
    }
}

internal sealed class LateFeeAssessedFeed(InsightsStore store, DebtorSignals signals) : INotificationHandler<LateFeeAssessed>
{
    public async Task Handle(LateFeeAssessed n, CancellationToken cancellationToken)
    {
        if (await store.FindItemAsync(n.FeeId, cancellationToken) is not null)
        {
            return;
        }

        await store.InsertItemAsync(new ItemRow
        {
            Id = n.FeeId,
            Kind = ItemKinds.LateFee,
            DebtorId = n.DebtorId,
            Currency = n.Currency,
            IssueDate = n.AssessedFor,
            DueDate = n.AssessedFor,
            TotalMinor = n.AmountMinor,
            BalanceMinor = n.AmountMinor,
            Status = InvoiceStatuses.Open,
        }, cancellationToken);
        await signals.CheckCreditLimitAsync(n.DebtorId, n.FeeId, n.Currency, n.AmountMinor, cancellationToken);
    }
}

/// <summary>
/// Keeps the item's balance and status. Invoice balances also become dated movements: changes of the sale itself
/// (adjustment, void) on the issue date, everything else on the day it happened (payments are re-dated to their
/// received date by PaymentSucceeded, which also judges days late). Late-fee charges stay out of receivables, DSO and CEI: they are not sales.
/// </summary>
internal sealed class InvoiceBalanceChangedFeed(DbSession db, InsightsStore store, DebtorSignals signals) : INotificationHandler<InvoiceBalanceChanged>
{
    private const string UpdateSql = """
        UPDATE insights_items
        SET balance_minor = @BalanceMinor, total_minor = total_minor + @TotalDeltaMinor, status = @Status,
            paid_on = CASE WHEN @BalanceMinor > 0 THEN NULL WHEN @PaidNow = 1 THEN @Today ELSE paid_on END
        WHERE id = @Id
        """;

    public async Task Handle(InvoiceBalanceChanged n, CancellationToken cancellationToken)
    {
        if (await store.FindItemAsync(n.ItemId, cancellationToken) is not { } item)
        {
            return;
        }

        var delta = n.BalanceMinor - n.PreviousBalanceMinor;
        var paidNow = n.BalanceMinor == 0 && MovementReasons.IsPayment(n.Reason);
        var changesSale = MovementReasons.ChangesSale(n.Reason) && n.Reason != "void";
        await db.ExecuteAsync(UpdateSql, new
        {
            item.Id,
            n.BalanceMinor,
            TotalDeltaMinor = changesSale ? delta : 0,
            Status = StatusAfter(n.BalanceMinor, n.Reason),
            PaidNow = paidNow ? 1 : 0,
            Today = InsightsStore.DayOf(n.At),
        }, cancellationToken);

        if (item.Kind == ItemKinds.Invoice && delta != 0)
        {
            var onDate = MovementReasons.ChangesSale(n.Reason) ? item.IssueDate : InsightsStore.DayOf(n.At);
            await store.AddMovementAsync(item, onDate, n.Reason, n.SourceId, delta, cancellationToken);
        }

        await signals.CheckCreditLimitAsync(n.DebtorId, n.ItemId, n.Currency, delta, cancellationToken);
        await signals.RefreshBandAsync(n.DebtorId, cancellationToken);
    }

    private static string StatusAfter(long balance, string reason) => balance > 0
        ? InvoiceStatuses.Open
        : reason switch
        {
            "write_off" => InvoiceStatuses.WrittenOff,
            "void" => InvoiceStatuses.Void,
            _ => InvoiceStatuses.Paid,
        };
}
