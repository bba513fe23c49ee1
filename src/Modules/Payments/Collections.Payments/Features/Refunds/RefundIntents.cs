using Collections.Invoicing.Contracts;
using Collections.Payments.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using MediatR;

namespace Collections.Payments.Features.Refunds;

internal static class RefundIntentStatuses
{
    /// <summary>Committed, not yet confirmed by Stripe: the money may or may not have left.</summary>
    public const string Pending = "pending";

    public const string Done = "done";

    /// <summary>Stripe refused it; nothing left.</summary>
    public const string Failed = "failed";
}

internal sealed record RefundIntentRow
{
    public const int OutcomeLength = 500;

    public const string Columns = """
        i.id AS Id, i.payment_id AS PaymentId, i.request_key AS RequestKey, i.amount_minor AS AmountMinor, i.reason AS Reason,
        i.status AS Status, i.outcome AS Outcome, i.updated_at AS UpdatedAt, p.currency AS Currency, p.stripe_payment_intent AS StripePaymentIntent
        """;

    public required string Id { get; init; }

    public required string PaymentId { get; init; }

    public required string RequestKey { get; init; }

    public long AmountMinor { get; init; }

    public required string Reason { get; init; }

    public required string Status { get; init; }

    public string? Outcome { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public required string Currency { get; init; }

    public string? StripePaymentIntent { get; init; }

    /// <summary>The key Stripe sees: one per intent, so the request, its retries and the reconciler refund once.</summary>
    public string StripeKey => $"refund-{Id}";
}

/// <summary>
/// First step of a refund, in its own transaction: the same request (payment, caller, key) finds its intent again; a new
/// one is checked against what is refundable, less what other intents still wait for. A payment received outside Stripe
/// has nobody to ask, so its refund is booked at once.
/// </summary>
internal sealed record OpenRefundIntentCommand(string PaymentId, long AmountMinor, string Reason, string RequestKey) : ICommand<RefundIntentRow>;

internal sealed class OpenRefundIntentHandler(DbSession db, PaymentBook book, RefundBook refunds, DebtorLock locks, TimeProvider time)
    : IRequestHandler<OpenRefundIntentCommand, RefundIntentRow>
{
    private const string InsertSql = """
        INSERT INTO payments_refund_intents (id, payment_id, request_key, amount_minor, reason, status, outcome, created_at, updated_at)
        VALUES (@Id, @PaymentId, @RequestKey, @AmountMinor, @Reason, @Status, NULL, @Now, @Now)
        """;

    public async Task<RefundIntentRow> Handle(OpenRefundIntentCommand command, CancellationToken cancellationToken)
    {
        var payment = await book.FindAsync(command.PaymentId, cancellationToken) ?? throw new NotFoundException("Payment", command.PaymentId);
        await locks.AcquireAsync(payment.DebtorId, cancellationToken);
        if (await RefundIntentQueries.FindAsync(db, command.PaymentId, command.RequestKey, cancellationToken) is { } earlier)
        {
            return earlier.AmountMinor == command.AmountMinor && earlier.Reason == command.Reason
                ? earlier
                : throw new BusinessRuleException("This Idempotency-Key was already used with a different request body.");
        }

        payment = (await book.FindAsync(payment.Id, cancellationToken))!;
        var currency = Currency.Of(payment.Currency);
        var refundable = payment.RefundableMinor - await refunds.PendingRefundsMinorAsync(payment.Id, cancellationToken);
        if (command.AmountMinor > refundable)
        {
            throw new BusinessRuleException($"At most {new Money(Math.Max(refundable, 0), currency)} of payment {payment.Id} can be refunded"
                + (refundable < payment.RefundableMinor ? " while earlier refunds wait for Stripe's confirmation." : "."));
        }

        var id = Ids.New("ref", time);
        var viaStripe = payment.StripePaymentIntent is not null;
        if (viaStripe)
        {
            StripeGateway.ToStripe(command.AmountMinor, currency);
        }
        else
        {
            await refunds.RefundAsync(payment, command.AmountMinor, command.Reason, id, null, cancellationToken);
        }

        await db.ExecuteAsync(InsertSql, new
        {
            Id = id,
            command.PaymentId,
            command.RequestKey,
            command.AmountMinor,
            command.Reason,
            Status = viaStripe ? RefundIntentStatuses.Pending : RefundIntentStatuses.Done,
            Now = time.GetUtcNow(),
        }, cancellationToken);
        return (await RefundIntentQueries.FindAsync(db, command.PaymentId, command.RequestKey, cancellationToken))!;
    }
}

/// <summary>Last step, in its own transaction: what Stripe answered is booked once, whoever (request or reconciler) got the answer.</summary>
internal sealed record FinishRefundIntentCommand(string IntentId, string? StripeRefundId, string? Refusal) : ICommand<RefundIntentRow>;

internal sealed class FinishRefundIntentHandler(DbSession db, PaymentBook book, RefundBook refunds, DebtorLock locks, IMediator mediator, TimeProvider time)
    : IRequestHandler<FinishRefundIntentCommand, RefundIntentRow>
{
    private const string FinishSql = """
        UPDATE payments_refund_intents SET status = @Status, outcome = @Outcome, updated_at = @Now
        WHERE id = @Id AND status = 'pending'
        """;

    public async Task<RefundIntentRow> Handle(FinishRefundIntentCommand command, CancellationToken cancellationToken)
    {
        var intent = await RefundIntentQueries.ByIdAsync(db, command.IntentId, cancellationToken);
        var payment = (await book.FindAsync(intent.PaymentId, cancellationToken))!;
        await locks.AcquireAsync(payment.DebtorId, cancellationToken);
        intent = await RefundIntentQueries.ByIdAsync(db, command.IntentId, cancellationToken);
        if (intent.Status != RefundIntentStatuses.Pending)
        {
            return intent;
        }

        if (command.StripeRefundId is { } stripeRefundId)
        {
            await db.ExecuteAsync(FinishSql, new { Id = intent.Id, Status = RefundIntentStatuses.Done, Outcome = Text.Clip($"Stripe refund {stripeRefundId}", RefundIntentRow.OutcomeLength), Now = time.GetUtcNow() }, cancellationToken);
            await refunds.RefundAsync((await book.FindAsync(payment.Id, cancellationToken))!, intent.AmountMinor, intent.Reason, intent.Id, stripeRefundId, cancellationToken);
        }
        else
        {
            var refusal = Text.Clip(command.Refusal ?? "Stripe refused the refund.", RefundIntentRow.OutcomeLength);
            await db.ExecuteAsync(FinishSql, new { Id = intent.Id, Status = RefundIntentStatuses.Failed, Outcome = refusal, Now = time.GetUtcNow() }, cancellationToken);
            await mediator.Send(new RecordActivityCommand(payment.DebtorId, "payment.refund_failed",
                $"A refund of {new Money(intent.AmountMinor, Currency.Of(payment.Currency))} of payment {payment.Id} did not happen: {refusal}"), cancellationToken);
        }

        return await RefundIntentQueries.ByIdAsync(db, intent.Id, cancellationToken);
    }
}

internal static class RefundIntentQueries
{
    private const string From = " FROM payments_refund_intents i JOIN payments_payments p ON p.id = i.payment_id";

    private const string FindSql = "SELECT " + RefundIntentRow.Columns + From + " WHERE i.payment_id = @PaymentId AND i.request_key = @RequestKey";

    private const string ByIdSql = "SELECT " + RefundIntentRow.Columns + From + " WHERE i.id = @Id";

    private const string StaleSql = "SELECT " + RefundIntentRow.Columns + From + " WHERE i.status = 'pending' AND i.updated_at <= @Before ORDER BY i.updated_at";

    public static Task<RefundIntentRow?> FindAsync(DbSession db, string paymentId, string requestKey, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<RefundIntentRow>(FindSql, new { PaymentId = paymentId, RequestKey = requestKey }, ct);

    public static async Task<RefundIntentRow> ByIdAsync(DbSession db, string id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<RefundIntentRow>(ByIdSql, new { Id = id }, ct) ?? throw new NotFoundException("Refund", id);

    public static Task<IReadOnlyList<RefundIntentRow>> PendingSinceAsync(DbSession db, DateTimeOffset before, CancellationToken ct) =>
        db.QueryAsync<RefundIntentRow>(StaleSql, new { Before = before }, ct);
}
