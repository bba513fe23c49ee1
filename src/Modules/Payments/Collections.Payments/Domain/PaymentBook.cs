using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using MediatR;

namespace Collections.Payments.Domain;

internal sealed record NewPayment(
    string DebtorId,
    long AmountMinor,
    string Currency,
    string Method,
    string? Reference,
    DateOnly ReceivedOn,
    string? AttemptId = null,
    string? PaymentPlanId = null,
    string? StripePaymentIntent = null);

/// <summary>
/// Writes payments and their allocations. Balances change only through Invoicing's allocation commands, in the
/// caller's transaction; the allocation rows here remember what each payment did so it can be undone newest first.
/// Shared: payments are recorded by <c>POST /payments</c> and by a settled checkout, applied by credit application and a
/// won chargeback, reversed by refunds and chargebacks, and read by every use case that shows a payment.
/// </summary>
internal sealed class PaymentBook(DbSession db, IMediator mediator, TimeProvider time)
{
    public const string PaymentSource = "payment";

    private const string InsertPaymentSql = """
        INSERT INTO payments_payments (id, debtor_id, currency, amount_minor, unapplied_minor, refunded_minor, method, status, reference,
            received_on, recorded_at, attempt_id, payment_plan_id, stripe_payment_intent, version)
        VALUES (@Id, @DebtorId, @Currency, @AmountMinor, @UnappliedMinor, 0, @Method, 'succeeded', @Reference,
            @ReceivedOn, @Now, @AttemptId, @PaymentPlanId, @StripePaymentIntent, 1)
        """;

    private const string InsertAllocationSql = """
        INSERT INTO payments_allocations (id, payment_id, debtor_id, item_id, amount_minor, discount_minor, reversed_minor, source, created_at)
        VALUES (@Id, @PaymentId, @DebtorId, @ItemId, @AmountMinor, @DiscountMinor, 0, @Source, @Now)
        """;

    private const string PaymentByIdSql = "SELECT " + PaymentRow.Columns + " FROM payments_payments WHERE id = @Id";

    private const string AllocationsOfPaymentSql = "SELECT " + AllocationRow.Columns + " FROM payments_allocations WHERE payment_id = @PaymentId ORDER BY id";

    // The counter row's lock is held to the commit, so a change numbered later can never become visible before one numbered earlier.
    private const string NextFeedPositionSql = """
        UPDATE payments_feed_sequence SET last_seq = last_seq + 1 WHERE id = 1;
        UPDATE payments_payments SET feed_seq = (SELECT last_seq FROM payments_feed_sequence WHERE id = 1) WHERE id = @Id;
        """;

    private const string ReverseAllocationRowSql = "UPDATE payments_allocations SET reversed_minor = reversed_minor + @AmountMinor WHERE id = @Id AND amount_minor - reversed_minor >= @AmountMinor";

    public async Task<PaymentRow?> FindAsync(string id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<PaymentRow>(PaymentByIdSql, new { Id = id }, ct);

    public async Task<IReadOnlyList<AllocationRow>> AllocationsAsync(string paymentId, CancellationToken ct) =>
        await db.QueryAsync<AllocationRow>(AllocationsOfPaymentSql, new { PaymentId = paymentId }, ct);

    /// <summary>Records a payment and applies it as planned; publishes PaymentSucceeded with what it did.</summary>
    public async Task<string> RecordAsync(NewPayment payment, AllocationPlan plan, CancellationToken ct)
    {
        var id = Ids.New("pay", time);
        await db.ExecuteAsync(InsertPaymentSql, new
        {
            Id = id,
            payment.DebtorId,
            payment.Currency,
            payment.AmountMinor,
            plan.UnappliedMinor,
            payment.Method,
            payment.Reference,
            payment.ReceivedOn,
            Now = time.GetUtcNow(),
            payment.AttemptId,
            payment.PaymentPlanId,
            payment.StripePaymentIntent,
        }, ct);
        var applied = new List<PaymentAllocationDto>(plan.Allocations.Count);
        foreach (var allocation in plan.Allocations)
        {
            applied.Add(await ApplyAsync(id, payment.DebtorId, payment.Currency, allocation, payment.ReceivedOn, "payment", ct));
        }

        await ChangedAsync(id, ct);

        var money = new Money(payment.AmountMinor, Currency.Of(payment.Currency));
        await mediator.Send(new RecordActivityCommand(payment.DebtorId, "payment.received",
            $"Payment of {money} received ({payment.Method.Replace('_', ' ')}{(payment.Reference is null ? "" : $", {payment.Reference}")}): {plan.AllocatedMinor} minor units applied to {applied.Count} item(s), {plan.UnappliedMinor} kept as account credit."), ct);
        await mediator.Publish(new PaymentSucceeded(id, payment.DebtorId, payment.AmountMinor, payment.Currency, payment.Method, payment.ReceivedOn,
            applied, plan.UnappliedMinor, payment.PaymentPlanId, time.GetUtcNow(), payment.AttemptId), ct);
        return id;
    }

    /// <summary>Puts the payment at the end of the change feed (`GET /payments`): call after every change to it.</summary>
    public Task ChangedAsync(string paymentId, CancellationToken ct) => db.ExecuteAsync(NextFeedPositionSql, new { Id = paymentId }, ct);

    public async Task<PaymentAllocationDto> ApplyAsync(string paymentId, string debtorId, string currency, PlannedAllocation allocation, DateOnly appliedOn, string source, CancellationToken ct)
    {
        var result = await mediator.Send(new ApplyAllocationCommand(allocation.ItemId, allocation.AmountMinor, currency, PaymentSource, paymentId, appliedOn, allocation.TakeDiscount), ct);
        await db.ExecuteAsync(InsertAllocationSql, new
        {
            Id = Ids.New("pal", time),
            PaymentId = paymentId,
            DebtorId = debtorId,
            allocation.ItemId,
            allocation.AmountMinor,
            result.DiscountMinor,
            Source = source,
            Now = time.GetUtcNow(),
        }, ct);
        return new PaymentAllocationDto(allocation.ItemId, allocation.AmountMinor, result.DiscountMinor);
    }

    /// <summary>Undoes up to AmountMinor of the payment's allocations, newest first, reopening those balances. Returns what was reversed.</summary>
    public async Task<long> ReverseAsync(PaymentRow payment, long amountMinor, string reason, CancellationToken ct)
    {
        var remaining = amountMinor;
        foreach (var allocation in (await AllocationsAsync(payment.Id, ct)).Where(a => a.ActiveMinor > 0).OrderByDescending(a => a.Id, StringComparer.Ordinal))
        {
            if (remaining == 0)
            {
                break;
            }

            var take = Math.Min(remaining, allocation.ActiveMinor);
            await mediator.Send(new ReverseAllocationCommand(allocation.ItemId, take, payment.Currency, PaymentSource, payment.Id, reason), ct);
            if (await db.ExecuteAsync(ReverseAllocationRowSql, new { allocation.Id, AmountMinor = take }, ct) == 0)
            {
                throw new ConflictException($"Payment {payment.Id} changed while it was being reversed. Retry the request.");
            }

            remaining -= take;
        }

        await ChangedAsync(payment.Id, ct);
        return amountMinor - remaining;
    }
}
