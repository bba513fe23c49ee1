using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Payments.Domain;

/// <summary>Money leaving again: refunds (ours or made in Stripe) and chargebacks. Callers hold the debtor lock.</summary>
internal sealed class PaymentReversals(DbSession db, PaymentBook book, IMediator mediator, TimeProvider time)
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
        WHERE id = @Id AND status <> 'chargeback' AND refunded_minor + @AmountMinor <= amount_minor AND unapplied_minor >= @FromCreditMinor
        """;

    private const string ChargebackSql = """
        UPDATE payments_payments
        SET status = 'chargeback', unapplied_minor = unapplied_minor - @FromCreditMinor, charged_back_minor = @DisputedMinor,
            chargeback_dispute_id = @DisputeId, version = version + 1
        WHERE id = @Id AND status <> 'chargeback'
        """;

    private const string ReinstatedSql = """
        UPDATE payments_payments
        SET status = 'succeeded', unapplied_minor = unapplied_minor + charged_back_minor, charged_back_minor = 0, version = version + 1
        WHERE id = @Id AND status = 'chargeback'
        """;

    private const string SpendSql = """
        UPDATE payments_payments SET unapplied_minor = unapplied_minor - @AmountMinor, version = version + 1
        WHERE id = @Id AND unapplied_minor >= @AmountMinor
        """;

    /// <summary>Takes the refund from the payment's unapplied credit first, then reverses its allocations newest first.</summary>
    /// <summary>Books a refund that has happened (at Stripe, or by bank for a payment received outside Stripe).</summary>
    public async Task RefundAsync(PaymentRow payment, long amountMinor, string reason, string refundId, string? stripeRefundId, CancellationToken ct)
    {
        if (amountMinor <= 0 || amountMinor > payment.RefundableMinor)
        {
            throw new BusinessRuleException($"At most {new Money(payment.RefundableMinor, Currency.Of(payment.Currency))} of payment {payment.Id} can be refunded.");
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

    /// <summary>What refunds asked of Stripe and not yet confirmed hold back: neither refundable again nor booked from a webhook.</summary>
    public Task<long> PendingRefundsMinorAsync(string paymentId, CancellationToken ct) =>
        db.ExecuteScalarAsync<long>(PendingRefundsSql, new { PaymentId = paymentId }, ct);

    /// <summary>
    /// The bank took the disputed amount back: that much of the payment's allocations is reversed, newest first, and
    /// what the allocations do not cover comes out of the payment's unapplied credit; the rest of the payment stands.
    /// </summary>
    public async Task<bool> ChargebackAsync(PaymentRow payment, string? disputeId, long disputedMinor, string reason, CancellationToken ct)
    {
        if (payment.Status == PaymentStatuses.Chargeback)
        {
            return false;
        }

        var disputed = Math.Min(disputedMinor, payment.AmountMinor - payment.RefundedMinor);
        var active = (await book.AllocationsAsync(payment.Id, ct)).Sum(a => a.ActiveMinor);
        var reversed = await book.ReverseAsync(payment, Math.Min(disputed, active), $"Chargeback: {reason}", ct);
        await db.ExecuteAsync(ChargebackSql, new { payment.Id, FromCreditMinor = Math.Min(disputed - reversed, payment.UnappliedMinor), DisputedMinor = disputed, DisputeId = disputeId }, ct);
        await book.ChangedAsync(payment.Id, ct);
        var money = new Money(disputed, Currency.Of(payment.Currency));
        await mediator.Send(new RecordActivityCommand(payment.DebtorId, "payment.chargeback",
            $"The payer's bank disputed {money} of payment {payment.Id} (reason: {reason}). That much of its allocations was reversed; those invoices are open again. Staff: respond to the dispute in Stripe."), ct);
        await mediator.Publish(new ChargebackOpened(payment.Id, payment.DebtorId, disputed, payment.Currency, reason, time.GetUtcNow()), ct);
        return true;
    }

    /// <summary>
    /// The creditor won the dispute (or the bank reinstated the funds): what the chargeback took comes back to the payment
    /// and is applied again, in the debtor's allocation order, to what is still open; the rest stays account credit.
    /// </summary>
    public async Task<bool> ReinstateAsync(PaymentRow payment, string outcome, CancellationToken ct)
    {
        if (await db.ExecuteAsync(ReinstatedSql, new { payment.Id }, ct) == 0)
        {
            return false;
        }

        var currency = Currency.Of(payment.Currency);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var debtor = await mediator.Send(new GetDebtorQuery(payment.DebtorId), ct);
        var open = await mediator.Send(new GetOpenItemsQuery(payment.DebtorId), ct);
        var plan = AllocationPlanner.Plan(payment.ChargedBackMinor, payment.Currency, today, open, null, debtor?.AllocationOrder ?? AllocationOrders.PrincipalFirst);
        foreach (var allocation in plan.Allocations)
        {
            await db.ExecuteAsync(SpendSql, new { payment.Id, allocation.AmountMinor }, ct);
            await book.ApplyAsync(payment.Id, payment.DebtorId, payment.Currency, allocation, today, "reinstated", ct);
        }

        await book.ChangedAsync(payment.Id, ct);

        await mediator.Send(new RecordActivityCommand(payment.DebtorId, "payment.chargeback_won",
            $"The bank's dispute of payment {payment.Id} ended in our favour ({outcome}): {new Money(payment.ChargedBackMinor, currency)} is back; "
            + $"{new Money(plan.AllocatedMinor, currency)} of it is applied to open invoices again."), ct);
        await mediator.Publish(new ChargebackClosed(payment.Id, payment.DebtorId, payment.ChargedBackMinor, payment.Currency, Won: true, plan.AllocatedMinor,
            payment.ReceivedOn, time.GetUtcNow()), ct);
        return true;
    }

    /// <summary>The bank decided for the payer: the reversal stands and the reopened invoices are chased again.</summary>
    public async Task LostAsync(PaymentRow payment, CancellationToken ct)
    {
        await mediator.Send(new RecordActivityCommand(payment.DebtorId, "payment.chargeback_lost",
            $"The bank's dispute of payment {payment.Id} was lost: {new Money(payment.ChargedBackMinor, Currency.Of(payment.Currency))} stays reversed and those invoices are open and chased again."), ct);
        await mediator.Publish(new ChargebackClosed(payment.Id, payment.DebtorId, payment.ChargedBackMinor, payment.Currency, Won: false, 0,
            payment.ReceivedOn, time.GetUtcNow()), ct);
    }

    /// <summary>A retrieval request (an inquiry) moves no money: it is noted for staff, and nothing is reversed.</summary>
    public Task InquiryAsync(PaymentRow payment, long amountMinor, string reason, CancellationToken ct) =>
        mediator.Send(new RecordActivityCommand(payment.DebtorId, "payment.inquiry",
            $"The payer's bank asked about {new Money(amountMinor, Currency.Of(payment.Currency))} of payment {payment.Id} (reason: {reason}); nothing was reversed. Staff: answer the inquiry in Stripe."), ct);
}
