using System.Data.Common;
using Collections.Dunning.Contracts;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Dunning.Features.Events;

/// <summary>
/// A payment in flight (a bank debit takes days) pauses the items it covers until it succeeds or fails; a reminder for
/// them that has not left yet is withdrawn.
/// </summary>
internal sealed class PaymentPendingHandler(DbSession db, MessageRecheck recheck) : INotificationHandler<PaymentPending>
{
    private const string InsertSql = """
        INSERT INTO dunning_pending_payments (attempt_id, debtor_id, amount_minor, currency, method, item_ids, created_at)
        VALUES (@AttemptId, @DebtorId, @AmountMinor, @Currency, @Method, @ItemIds, @At)
        """;

    public async Task Handle(PaymentPending notification, CancellationToken cancellationToken)
    {
        try
        {
            await db.ExecuteAsync(InsertSql, new
            {
                notification.AttemptId,
                notification.DebtorId,
                notification.AmountMinor,
                notification.Currency,
                notification.Method,
                ItemIds = IdList.Join(notification.ItemIds),
                notification.At,
            }, cancellationToken);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            // The same attempt reported twice: it is already pausing its items.
            return;
        }

        await recheck.RecheckDebtorAsync(notification.DebtorId, cancellationToken);
    }
}

/// <summary>
/// A payment attempt failed: its items are chased again. When it was a bank debit in flight (the debtor believes it
/// paid) the debtor is told, with a link to pay again; an abandoned card checkout is not worth an e-mail.
/// </summary>
internal sealed class PaymentFailedHandler(DbSession db, CourtesyOutbox outbox) : INotificationHandler<PaymentFailed>
{
    private const string DeleteSql = "DELETE FROM dunning_pending_payments WHERE attempt_id = @AttemptId";

    public async Task Handle(PaymentFailed failed, CancellationToken cancellationToken)
    {
        if (await db.ExecuteAsync(DeleteSql, new { failed.AttemptId }, cancellationToken) == 0)
        {
            return;
        }

        await outbox.QueueAsync(new CourtesyNote(MessagePurposes.DebitFailed, failed.AttemptId, failed.DebtorId, failed.AmountMinor, failed.Currency, failed.ItemIds,
            account => new CourtesyContent(
                failed.ItemIds.Select(id => account.ById.GetValueOrDefault(id) is { } item
                    ? account.Say("invoice.open", ("number", item.Number), ("amount", account.Amount(item.BalanceMinor, item.Currency)))
                    : account.Say("invoice.unknown", ("number", id))).ToList(),
                account.Say("debitFailed.next"),
                account.Today)), cancellationToken);
    }
}

/// <summary>
/// Money arrived: the payment attempt it settled stops pausing its items (a wire recorded meanwhile does not end a bank
/// debit still in flight: that one succeeds or fails on its own), live promises of the debtor count it, oldest first,
/// and messages not yet sent are withdrawn or recomposed for what is still owed (after the pause ends, so a part
/// payment recomposes rather than withdraws).
/// </summary>
internal sealed class PaymentSucceededHandler(DbSession db, MessageRecheck recheck, IMediator mediator, TimeProvider time) : INotificationHandler<PaymentSucceeded>
{
    private const string DeletePendingSql = "DELETE FROM dunning_pending_payments WHERE attempt_id = @AttemptId";
    private const string LiveSql = "SELECT " + PromiseRow.Columns + """
         FROM dunning_promises WHERE debtor_id = @DebtorId AND status = 'live' AND currency = @Currency AND live_until >= @ReceivedOn
        ORDER BY created_at, id
        """;
    private const string PaidSql = """
        UPDATE dunning_promises SET paid_minor = @PaidMinor, applied_minor = @AppliedMinor, status = @Status, closed_at = @ClosedAt
        WHERE id = @Id AND status = 'live'
        """;

    public async Task Handle(PaymentSucceeded notification, CancellationToken cancellationToken)
    {
        if (notification.AttemptId is not null)
        {
            await db.ExecuteAsync(DeletePendingSql, new { notification.AttemptId }, cancellationToken);
        }

        var remaining = notification.AmountMinor;
        var allocated = notification.Allocations.GroupBy(a => a.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.AmountMinor), StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var promise in await db.QueryAsync<PromiseRow>(LiveSql, new { notification.DebtorId, notification.Currency, notification.ReceivedOn }, cancellationToken))
        {
            if (remaining <= 0)
            {
                break;
            }

            var counted = Math.Min(remaining, promise.AmountMinor - promise.PaidMinor);
            remaining -= counted;
            var applied = TakeAllocated(allocated, promise, counted);
            var kept = promise.PaidMinor + counted >= promise.AmountMinor;
            await db.ExecuteAsync(PaidSql, new
            {
                promise.Id,
                PaidMinor = promise.PaidMinor + counted,
                AppliedMinor = promise.AppliedMinor + applied,
                Status = kept ? PromiseStatuses.Kept : PromiseStatuses.Live,
                ClosedAt = kept ? now : (DateTimeOffset?)null,
            }, cancellationToken);
            if (kept)
            {
                await mediator.Send(new RecordActivityCommand(promise.DebtorId, "dunning.promise_kept",
                    $"Promise to pay {MessageComposer.Amount(promise.AmountMinor, promise.Currency)} by {MessageComposer.Date(promise.PromisedDate)} was kept."), cancellationToken);
                await mediator.Publish(new PromiseToPayKept(promise.Id, promise.DebtorId, now), cancellationToken);
            }
        }

        await recheck.RecheckDebtorAsync(notification.DebtorId, cancellationToken);
    }

    /// <summary>Up to <paramref name="most"/> of what the payment allocated to the promise's invoices, used up so a later promise cannot count it again.</summary>
    private static long TakeAllocated(Dictionary<string, long> allocated, PromiseRow promise, long most)
    {
        var taken = 0L;
        foreach (var invoiceId in IdList.Split(promise.InvoiceIds).Where(allocated.ContainsKey))
        {
            var take = Math.Min(most - taken, allocated[invoiceId]);
            allocated[invoiceId] -= take;
            taken += take;
        }

        return taken;
    }
}
