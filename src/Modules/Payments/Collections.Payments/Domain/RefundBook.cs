using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Payments.Domain;

/// <summary>
/// Refunds that have happened (ours through Stripe, made in Stripe's dashboard, or by bank for a payment received
/// outside Stripe), and what pending refund intents hold back. Callers hold the debtor lock.
/// </summary>
internal sealed class RefundBook(DbSession db, PaymentBook book, IMediator mediator, TimeProvider time)
{
    private const string InsertRefundSql = """
        INSERT INTO payments_refunds (id, payment_id, debtor_id, amount_minor, currency, reason, stripe_refund_id, created_at)
        VALUES (@Id, @PaymentId, @DebtorId, @AmountMinor, @Currency, @Reason, @StripeRefundId, @Now)
        """;

    private const string PendingRefundsSql = """
        SELECT COALESCE(SUM(amount_minor), 0) FROM payments_refund_intents WHERE payment_id = @PaymentId AND status = 'pending'
        """;

    private const string RefundedSql = """
        UPDATE payments_payments
        SET refunded_minor = refunded_minor + @AmountMinor,
            unapplied_minor = unapplied_minor - @FromCreditMinor,
            status = CASE WHEN refunded_minor + @AmountMinor = amount_minor THEN 'refunded' ELSE status END,
            version = version + 1
        WHERE id = @Id AND refunded_minor + charged_back_minor + @AmountMinor <= amount_minor AND unapplied_minor >= @FromCreditMinor
        """;

    private const string BookedSql = "SELECT COUNT(*) FROM payments_refunds WHERE stripe_refund_id = @StripeRefundId";

    /// <summary>
    /// Books a refund that has happened (at Stripe, or by bank for a payment received outside Stripe): it is taken from the
    /// payment's unapplied credit first, then its allocations are reversed newest first. A Stripe refund carries Stripe's id,
    /// which is booked once. It may follow a chargeback booked earlier (their events cross), so it is bounded by what neither
    /// returned to the payer, not by what a new refund may ask for.
    /// </summary>
    public async Task RefundAsync(PaymentRow payment, long amountMinor, string reason, string refundId, string? stripeRefundId, CancellationToken ct)
    {
        if (amountMinor <= 0 || amountMinor > payment.UnreturnedMinor)
        {
            throw new BusinessRuleException($"At most {new Money(Math.Max(payment.UnreturnedMinor, 0), Currency.Of(payment.Currency))} of payment {payment.Id} can be refunded.");
        }

        var fromCredit = Math.Min(amountMinor, payment.UnappliedMinor);
        var reversed = await book.ReverseAsync(payment, amountMinor - fromCredit, $"Refund: {reason}", ct);
        if (reversed != amountMinor - fromCredit)
        {
            throw new ConflictException($"Payment {payment.Id} has only {fromCredit + reversed} minor units that can still be refunded.");
        }

        if (await db.ExecuteAsync(RefundedSql, new { payment.Id, AmountMinor = amountMinor, FromCreditMinor = fromCredit }, ct) == 0)
        {
            throw new ConflictException($"Payment {payment.Id} changed while it was being refunded. Retry the request.");
        }

        await book.ChangedAsync(payment.Id, ct);

        var id = refundId;
        await db.ExecuteAsync(InsertRefundSql, new { Id = id, PaymentId = payment.Id, payment.DebtorId, AmountMinor = amountMinor, payment.Currency, Reason = reason, StripeRefundId = stripeRefundId, Now = time.GetUtcNow() }, ct);
        await mediator.Send(new RecordActivityCommand(payment.DebtorId, "payment.refunded", $"{new Money(amountMinor, Currency.Of(payment.Currency))} of payment {payment.Id} refunded: {reason}"), ct);
        await mediator.Publish(new PaymentRefunded(id, payment.Id, payment.DebtorId, amountMinor, payment.Currency, reason, time.GetUtcNow()), ct);
    }

    /// <summary>Whether the Stripe refund of this id is booked already (by its intent, or from an earlier event).</summary>
    public async Task<bool> IsBookedAsync(string stripeRefundId, CancellationToken ct) =>
        await db.ExecuteScalarAsync<long>(BookedSql, new { StripeRefundId = stripeRefundId }, ct) > 0;

    /// <summary>What refunds asked of Stripe and not yet confirmed hold back: neither refundable again nor booked from a webhook.</summary>
    public Task<long> PendingRefundsMinorAsync(string paymentId, CancellationToken ct) =>
        db.ExecuteScalarAsync<long>(PendingRefundsSql, new { PaymentId = paymentId }, ct);
}
