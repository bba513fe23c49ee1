using Collections.Insights.Domain;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Insights.Features.Feed;

/// <summary>
/// Cash collected, refunds and chargebacks. The allocations' balance changes arrived just before as
/// InvoiceBalanceChanged; here they are re-dated to the day the money was received. PaymentPending and
/// PaymentFailed move no money and change no figure, so they have no handler.
/// </summary>
internal sealed class PaymentSucceededFeed(DbSession db, InsightsStore store, DebtorSignals signals) : INotificationHandler<PaymentSucceeded>
{
    private const string RedateMovementsSql = """
        UPDATE insights_movements SET on_date = @ReceivedOn, on_month = @ReceivedMonth
        WHERE source_id = @PaymentId AND item_id = @ItemId AND reason IN ('allocation', 'discount')
        """;

    private const string RedatePaidSql = """
        UPDATE insights_items SET paid_on = @ReceivedOn WHERE id = @ItemId AND balance_minor = 0 AND paid_on IS NOT NULL
        """;

    public async Task Handle(PaymentSucceeded n, CancellationToken cancellationToken)
    {
        await store.AddPaymentAsync(n.PaymentId, n.DebtorId, n.Currency, n.AmountMinor, 0, n.ReceivedOn, cancellationToken);
        foreach (var allocation in n.Allocations)
        {
            var args = new { n.PaymentId, allocation.ItemId, n.ReceivedOn, ReceivedMonth = InsightsStore.MonthKey(n.ReceivedOn) };
            await db.ExecuteAsync(RedateMovementsSql, args, cancellationToken);
            if (await db.ExecuteAsync(RedatePaidSql, args, cancellationToken) == 1)
            {
                await signals.CheckLateDriftAsync(n.DebtorId, allocation.ItemId, cancellationToken);
            }
        }

        await signals.RefreshBandAsync(n.DebtorId, cancellationToken);
    }
}

internal sealed class PaymentRefundedFeed(DbSession db) : INotificationHandler<PaymentRefunded>
{
    private const string RefundSql = "UPDATE insights_payments SET refunded_minor = refunded_minor + @AmountMinor WHERE id = @PaymentId";

    public Task Handle(PaymentRefunded n, CancellationToken cancellationToken) =>
        db.ExecuteAsync(RefundSql, new { n.PaymentId, n.AmountMinor }, cancellationToken);
}

internal sealed class ChargebackOpenedFeed(DbSession db, DebtorSignals signals) : INotificationHandler<ChargebackOpened>
{
    private const string InsertSql = """
        INSERT INTO insights_chargebacks (payment_id, debtor_id, currency, amount_minor, opened_on)
        SELECT @PaymentId, @DebtorId, @Currency, @AmountMinor, @OpenedOn
        WHERE NOT EXISTS (SELECT 1 FROM insights_chargebacks WHERE payment_id = @PaymentId)
        """;

    public async Task Handle(ChargebackOpened n, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(InsertSql, new { n.PaymentId, n.DebtorId, n.Currency, n.AmountMinor, OpenedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
        await signals.RefreshBandAsync(n.DebtorId, cancellationToken);
    }
}
