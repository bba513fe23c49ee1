using System.Data.Common;
using System.Text.Json;
using Collections.Payments.Domain;
using Collections.Payments.Features.Refunds;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Collections.Payments.Features.Webhooks;

public sealed record StripeEventOutcome(string EventId, bool Duplicate, string Outcome);

internal sealed record HandleStripeEventCommand(StripeEventEnvelope Event) : ICommand<StripeEventOutcome>;

/// <summary>Tries the parked events again: those due by their back-off, or all of them when something new may have appeared.</summary>
internal sealed record RetryParkedStripeEventsCommand(bool DueOnly) : ICommand<int>;

/// <summary>
/// Each event id is recorded once, in the same transaction as its effects: a redelivery is a no-op. An event about a
/// charge we do not know yet is parked with its body, tried again after every event that is applied (its payment may
/// have just appeared) and by the retrier with back-off, and dropped only after <see cref="ParkingLimit"/>.
/// </summary>
internal sealed class HandleStripeEventHandler(
    DbSession db, AttemptSettlement attempts, Chargebacks chargebacks, DebtorLock locks, IMediator mediator, TimeProvider time,
    ILogger<HandleStripeEventHandler> logger)
    : IRequestHandler<HandleStripeEventCommand, StripeEventOutcome>, IRequestHandler<RetryParkedStripeEventsCommand, int>
{
    public const int OutcomeLength = 200;

    public static readonly TimeSpan ParkingLimit = TimeSpan.FromDays(3);

    private const int RetryBatch = 50;

    private const string InsertSql = """
        INSERT INTO payments_stripe_events (id, type, api_version, outcome, received_at, payload, park_attempts)
        VALUES (@Id, @Type, @ApiVersion, 'processing', @Now, @Payload, 0)
        """;

    private const string OutcomeSql = "UPDATE payments_stripe_events SET outcome = @Outcome, parked_until = NULL, payload = NULL WHERE id = @Id";

    private const string ParkSql = """
        UPDATE payments_stripe_events SET outcome = @Outcome, parked_until = @Until, park_attempts = park_attempts + 1 WHERE id = @Id
        """;

    private const string SeenSql = """
        SELECT outcome AS Outcome, parked_until AS ParkedUntil, received_at AS ReceivedAt, park_attempts AS Attempts FROM payments_stripe_events WHERE id = @Id
        """;

    private const string ParkedSql = """
        SELECT payload AS Payload, park_attempts AS Attempts, received_at AS ReceivedAt FROM payments_stripe_events
        WHERE parked_until IS NOT NULL AND parked_until <= @Due ORDER BY received_at, id LIMIT @Limit
        """;

    private const string ByIntentSql = "SELECT " + PaymentRow.Columns + " FROM payments_payments WHERE stripe_payment_intent = @Intent";

    public async Task<StripeEventOutcome> Handle(HandleStripeEventCommand command, CancellationToken cancellationToken)
    {
        var e = command.Event;
        var seen = await db.QuerySingleOrDefaultAsync<SeenEvent>(SeenSql, new { e.Id }, cancellationToken);
        if (seen is { ParkedUntil: null })
        {
            return new StripeEventOutcome(e.Id, true, seen.Outcome);
        }

        if (seen is null)
        {
            try
            {
                await db.ExecuteAsync(InsertSql, new { e.Id, e.Type, e.ApiVersion, Now = time.GetUtcNow(), Payload = e.Json }, cancellationToken);
            }
            catch (DbException exception) when (exception.IsUniqueViolation())
            {
                return new StripeEventOutcome(e.Id, true, "delivered concurrently");
            }
        }

        var (outcome, parked) = await ProcessAsync(e, seen?.ReceivedAt ?? time.GetUtcNow(), seen?.Attempts ?? 0, cancellationToken);
        if (!parked)
        {
            await RetryParkedAsync(dueOnly: false, cancellationToken);
        }

        return new StripeEventOutcome(e.Id, false, outcome);
    }

    public Task<int> Handle(RetryParkedStripeEventsCommand command, CancellationToken cancellationToken) => RetryParkedAsync(command.DueOnly, cancellationToken);

    private async Task<int> RetryParkedAsync(bool dueOnly, CancellationToken ct)
    {
        var applied = 0;
        var due = dueOnly ? time.GetUtcNow() : DateTimeOffset.MaxValue;
        foreach (var parked in await db.QueryAsync<ParkedEvent>(ParkedSql, new { Due = due, Limit = RetryBatch }, ct))
        {
            if (StripeEventEnvelope.TryParse(parked.Payload) is { } e && !(await ProcessAsync(e, parked.ReceivedAt, parked.Attempts, ct)).Parked)
            {
                applied++;
            }
        }

        return applied;
    }

    private async Task<(string Outcome, bool Parked)> ProcessAsync(StripeEventEnvelope e, DateTimeOffset receivedAt, int attempts, CancellationToken ct)
    {
        var (outcome, objectUnknown) = await ApplyAsync(e, ct);
        var now = time.GetUtcNow();
        if (objectUnknown && now - receivedAt < ParkingLimit)
        {
            // 1, 2, 4 … minutes, at most six hours apart, until the parking limit.
            var wait = TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts), 360));
            var parked = Text.Clip($"parked until {now + wait:u}: {outcome}", OutcomeLength);
            await db.ExecuteAsync(ParkSql, new { e.Id, Outcome = parked, Until = now + wait }, ct);
            return (parked, true);
        }

        if (objectUnknown)
        {
            logger.LogWarning("Stripe event {EventId} ({Type}) dropped after {Days} days parked: {Outcome}", e.Id, e.Type, ParkingLimit.TotalDays, outcome);
            outcome = $"dropped after {ParkingLimit.TotalDays} days: {outcome}";
        }

        outcome = Text.Clip(outcome, OutcomeLength);
        await db.ExecuteAsync(OutcomeSql, new { e.Id, Outcome = outcome }, ct);
        return (outcome, false);
    }

    /// <summary>What the event did, and whether it is about a charge we do not know (yet).</summary>
    private async Task<(string Outcome, bool ObjectUnknown)> ApplyAsync(StripeEventEnvelope e, CancellationToken ct)
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
                    // Attempts are committed before their session exists: a session without one is not ours.
                    return ("ignored: no checkout attempt of ours", false);
                }

                if (e.Type is "checkout.session.completed" or "checkout.session.async_payment_succeeded" && Mismatch(e, attempt) is { } mismatch)
                {
                    logger.LogError("Stripe session {SessionId} does not match checkout attempt {AttemptId}: {Mismatch}", e.Field("id"), attempt.Id, mismatch);
                    return ($"held for staff: {mismatch}", false);
                }

                var occurredAt = e.Created ?? time.GetUtcNow();
                return (e.Type switch
                {
                    "checkout.session.completed" when e.Field("payment_status") is "paid" or "no_payment_required" =>
                        await attempts.SucceedAsync(attempt, e.Reference("payment_intent"), "card", occurredAt, ct),
                    "checkout.session.completed" => await attempts.PendingAsync(attempt, occurredAt, ct),
                    "checkout.session.async_payment_succeeded" => await attempts.SucceedAsync(attempt, e.Reference("payment_intent"), "bank_debit", occurredAt, ct),
                    "checkout.session.async_payment_failed" => await attempts.EndAsync(attempt, AttemptStatuses.Failed, "The bank debit failed.", ct),
                    _ => await attempts.EndAsync(attempt, AttemptStatuses.Expired, "The checkout session expired unpaid.", ct),
                }, false);
            case "charge.refunded":
                return await ChargeRefundedAsync(e, ct);
            case "refund.created":
            case "refund.updated":
            case "refund.failed":
                return await RefundAsync(e, ct);
            case "charge.dispute.created":
                return await ChargebackAsync(e, ct);
            case "charge.dispute.closed":
            case "charge.dispute.funds_reinstated":
                return await DisputeEndedAsync(e, ct);
            default:
                return ($"ignored: {e.Type} is not handled", false);
        }
    }

    /// <summary>
    /// Refunds are booked by their Stripe id: the charge's refunds list, when the event carries it, is read refund by refund.
    /// Its cumulative amount_refunded is never booked from: without the list, the refund events book.
    /// </summary>
    private async Task<(string, bool)> ChargeRefundedAsync(StripeEventEnvelope e, CancellationToken ct)
    {
        if (await PaymentAsync(e.Reference("payment_intent"), ct) is not { } payment)
        {
            return ("no payment of ours for this charge", true);
        }

        if (!e.Object.TryGetProperty("refunds", out var list) || list.ValueKind != JsonValueKind.Object
            || !list.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return ($"payment {payment.Id}: the charge lists no refunds; its refund events book them", false);
        }

        var outcomes = new List<string>();
        foreach (var refund in data.EnumerateArray().Select(StripeRefundObject.From).OfType<StripeRefundObject>())
        {
            outcomes.Add(await mediator.Send(new BookStripeRefundCommand(payment.Id, refund), ct));
        }

        return (outcomes.Count == 0 ? $"payment {payment.Id}: the charge lists no refunds" : string.Join("; ", outcomes), false);
    }

    private async Task<(string, bool)> RefundAsync(StripeEventEnvelope e, CancellationToken ct)
    {
        if (StripeRefundObject.From(e.Object) is not { } refund)
        {
            return ("ignored: not a refund object", false);
        }

        return await PaymentAsync(refund.PaymentIntent, ct) is { } payment
            ? (await mediator.Send(new BookStripeRefundCommand(payment.Id, refund), ct), false)
            : ("no payment of ours for this refund", true);
    }

    private async Task<(string, bool)> ChargebackAsync(StripeEventEnvelope e, CancellationToken ct)
    {
        if (await PaymentAsync(e.Reference("payment_intent"), ct) is not { } payment)
        {
            return ("no payment of ours for this charge", true);
        }

        var disputed = (e.Amount("amount") is { } amount ? StripeAmounts.FromStripe(amount, Currency.Of(payment.Currency)) : null) ?? payment.AmountMinor;
        if (e.Field("status")?.StartsWith("warning_", StringComparison.Ordinal) == true)
        {
            await chargebacks.InquiryAsync(payment, disputed, e.Field("reason") ?? "unknown", ct);
            return ($"payment {payment.Id}: inquiry noted, nothing reversed", false);
        }

        return (await chargebacks.OpenAsync(payment, e.Field("id"), disputed, e.Field("reason") ?? "unknown", ct)
            ? $"payment {payment.Id}: chargeback opened"
            : $"payment {payment.Id}: chargeback already recorded", false);
    }

    private async Task<(string, bool)> DisputeEndedAsync(StripeEventEnvelope e, CancellationToken ct)
    {
        if (await PaymentAsync(e.Reference("payment_intent"), ct) is not { } payment)
        {
            return ("no payment of ours for this charge", true);
        }

        var status = e.Field("status");
        var ending = e.Type == "charge.dispute.funds_reinstated" || status is "won" or "lost";
        if (ending && e.Field("id") is { } disputeId && payment.ChargebackDisputeId != disputeId)
        {
            // The end of a chargeback we have not booked yet (its charge.dispute.created is still on its way): wait for it.
            return ($"the chargeback of dispute {disputeId} is not recorded yet", true);
        }

        if (e.Type == "charge.dispute.funds_reinstated" || status == "won")
        {
            return (await chargebacks.ReinstateAsync(payment, status ?? "funds reinstated", ct)
                ? $"payment {payment.Id}: chargeback won, money applied again"
                : $"payment {payment.Id}: nothing charged back to reinstate", false);
        }

        if (status == "lost" && payment.Status == PaymentStatuses.Chargeback)
        {
            await chargebacks.LostAsync(payment, ct);
            return ($"payment {payment.Id}: chargeback lost, stays reversed", false);
        }

        return ($"payment {payment.Id}: dispute closed ({status ?? "no status"}), nothing to do", false);
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

    private sealed record SeenEvent
    {
        public required string Outcome { get; init; }

        public DateTimeOffset? ParkedUntil { get; init; }

        public DateTimeOffset ReceivedAt { get; init; }

        public int Attempts { get; init; }
    }

    private sealed record ParkedEvent
    {
        public required string Payload { get; init; }

        public int Attempts { get; init; }

        public DateTimeOffset ReceivedAt { get; init; }
    }
}
