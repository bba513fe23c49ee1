using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.Payments.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Payments.Features.Webhooks;

/// <summary>Chargebacks, as Stripe's dispute events report them: opened, won (reinstated), lost, or a mere inquiry. Callers hold the debtor lock.</summary>
internal sealed class Chargebacks(DbSession db, PaymentBook book, IMediator mediator, TimeProvider time)
{
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

    /// <summary>
    /// The bank took the disputed amount back: that much of the payment's allocations is reversed, newest first, and
    /// what the allocations do not cover comes out of the payment's unapplied credit; the rest of the payment stands.
    /// </summary>
    public async Task<bool> OpenAsync(PaymentRow payment, string? disputeId, long disputedMinor, string reason, CancellationToken ct)
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
