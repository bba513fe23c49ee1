using System.Data.Common;
using Collections.Payments.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Collections.Payments.Features.Webhooks;

public sealed record StripeEventOutcome(string EventId, bool Duplicate, string Outcome);

internal sealed record HandleStripeEventCommand(StripeEventEnvelope Event) : ICommand<StripeEventOutcome>;

/// <summary>Each event id is recorded once, in the same transaction as its effects: a redelivery is a no-op.</summary>
internal sealed class HandleStripeEventHandler(
    DbSession db, AttemptSettlement attempts, PaymentReversals reversals, DebtorLock locks, TimeProvider time, ILogger<HandleStripeEventHandler> logger)
    : IRequestHandler<HandleStripeEventCommand, StripeEventOutcome>
{
    public const int OutcomeLength = 200;

    private const string InsertSql = """
        INSERT INTO payments_stripe_events (id, type, api_version, outcome, received_at) VALUES (@Id, @Type, @ApiVersion, 'processing', @Now)
        """;

    private const string OutcomeSql = "UPDATE payments_stripe_events SET outcome = @Outcome WHERE id = @Id";

    private const string SeenSql = "SELECT outcome FROM payments_stripe_events WHERE id = @Id";

    private const string ByIntentSql = "SELECT " + PaymentRow.Columns + " FROM payments_payments WHERE stripe_payment_intent = @Intent";

    public async Task<StripeEventOutcome> Handle(HandleStripeEventCommand command, CancellationToken cancellationToken)
    {
        var e = command.Event;
        if (await db.QuerySingleOrDefaultAsync<string>(SeenSql, new { e.Id }, cancellationToken) is { } seen)
        {
            return new StripeEventOutcome(e.Id, true, seen);
        }

        try
        {
            await db.ExecuteAsync(InsertSql, new { e.Id, e.Type, e.ApiVersion, Now = time.GetUtcNow() }, cancellationToken);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            return new StripeEventOutcome(e.Id, true, "delivered concurrently");
        }

        var outcome = Text.Clip(await ApplyAsync(e, cancellationToken), OutcomeLength);
        await db.ExecuteAsync(OutcomeSql, new { e.Id, Outcome = outcome }, cancellationToken);
        return new StripeEventOutcome(e.Id, false, outcome);
    }

    private async Task<string> ApplyAsync(StripeEventEnvelope e, CancellationToken ct)
    {
        switch (e.Type)
        {
            case "checkout.session.completed":
            case "checkout.session.async_payment_succeeded":
            case "checkout.session.async_payment_failed":
            case "checkout.session.expired":
                var attempt = await attempts.FindAsync(e.Metadata("attempt_id") ?? e.Field("client_reference_id"), e.Field("id"), ct);
                if (attempt is null)
                {
                    return "ignored: no checkout attempt of ours";
                }

                if (e.Type is "checkout.session.completed" or "checkout.session.async_payment_succeeded" && Mismatch(e, attempt) is { } mismatch)
                {
                    logger.LogError("Stripe session {SessionId} does not match checkout attempt {AttemptId}: {Mismatch}", e.Field("id"), attempt.Id, mismatch);
                    return $"held for staff: {mismatch}";
                }

                var occurredAt = e.Created ?? time.GetUtcNow();
                return e.Type switch
                {
                    "checkout.session.completed" when e.Field("payment_status") is "paid" or "no_payment_required" =>
                        await attempts.SucceedAsync(attempt, e.Reference("payment_intent"), "card", occurredAt, ct),
                    "checkout.session.completed" => await attempts.PendingAsync(attempt, occurredAt, ct),
                    "checkout.session.async_payment_succeeded" => await attempts.SucceedAsync(attempt, e.Reference("payment_intent"), "bank_debit", occurredAt, ct),
                    "checkout.session.async_payment_failed" => await attempts.EndAsync(attempt, AttemptStatuses.Failed, "The bank debit failed.", ct),
                    _ => await attempts.EndAsync(attempt, AttemptStatuses.Expired, "The checkout session expired unpaid.", ct),
                };
            case "charge.refunded":
                return await RefundedAtStripeAsync(e, ct);
            case "charge.dispute.created":
                return await ChargebackAsync(e, ct);
            default:
                return $"ignored: {e.Type} is not handled";
        }
    }

    private async Task<string> RefundedAtStripeAsync(StripeEventEnvelope e, CancellationToken ct)
    {
        if (await PaymentAsync(e.Reference("payment_intent"), ct) is not { } payment)
        {
            return "ignored: no payment of ours";
        }

        // The charge carries the cumulative refunded amount: only what is neither recorded nor awaited by one of our own
        // pending refund intents (which book themselves when Stripe's answer reaches them) is new, i.e. made in Stripe's dashboard.
        var refunded = StripeAmounts.FromStripe(e.Amount("amount_refunded") ?? 0, Currency.Of(payment.Currency)) ?? 0;
        var pending = await reversals.PendingRefundsMinorAsync(payment.Id, ct);
        var unrecorded = Math.Min(refunded - payment.RefundedMinor - pending, payment.RefundableMinor);
        if (unrecorded <= 0)
        {
            return pending > 0 ? $"payment {payment.Id}: awaited by a pending refund" : $"payment {payment.Id}: refunds already recorded";
        }

        var refundId = Ids.New("ref", time);
        await reversals.RefundAsync(payment, unrecorded, "Refunded in Stripe", refundId, null, ct);
        return $"payment {payment.Id}: refund {refundId} recorded";
    }

    private async Task<string> ChargebackAsync(StripeEventEnvelope e, CancellationToken ct)
    {
        if (await PaymentAsync(e.Reference("payment_intent"), ct) is not { } payment)
        {
            return "ignored: no payment of ours";
        }

        var disputed = e.Amount("amount") is { } amount ? StripeAmounts.FromStripe(amount, Currency.Of(payment.Currency)) : null;
        return await reversals.ChargebackAsync(payment, disputed ?? payment.AmountMinor, e.Field("reason") ?? "unknown", ct)
            ? $"payment {payment.Id}: chargeback opened"
            : $"payment {payment.Id}: chargeback already recorded";
    }

    /// <summary>What Stripe says was paid must be what the attempt asked for: anything else is never booked as paid.</summary>
    private static string? Mismatch(StripeEventEnvelope e, AttemptRow attempt)
    {
        var currency = Currency.Of(attempt.Currency);
        var reported = e.Amount("amount_total") is { } total ? StripeAmounts.FromStripe(total, currency) : null;
        return string.Equals(e.Field("currency"), attempt.Currency, StringComparison.OrdinalIgnoreCase) && reported == attempt.AmountMinor
            ? null
            : $"Stripe reports {e.Amount("amount_total")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no amount"} in {e.Field("currency") ?? "no currency"}, "
              + $"the attempt asked for {new Money(attempt.AmountMinor, currency)}";
    }

    private async Task<PaymentRow?> PaymentAsync(string? intent, CancellationToken ct)
    {
        var payment = intent is null ? null : await db.QueryFirstOrDefaultAsync<PaymentRow>(ByIntentSql, new { Intent = intent }, ct);
        if (payment is null)
        {
            return null;
        }

        await locks.AcquireAsync(payment.DebtorId, ct);
        return await db.QueryFirstOrDefaultAsync<PaymentRow>(ByIntentSql, new { Intent = intent }, ct);
    }

}
