using System.Text.Json;
using Collections.Payments.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using MediatR;

namespace Collections.Payments.Features.Refunds;

/// <summary>A Stripe Refund object, as a refund event or a charge's refunds list carries it.</summary>
internal sealed record StripeRefundObject(string Id, long? StripeAmount, string Status, string? FailureReason, string? IntentId, string? PaymentIntent)
{
    public StripeRefundAnswer Answer => new(Id, Status, FailureReason);

    public static StripeRefundObject? From(JsonElement refund)
    {
        if (refund.ValueKind != JsonValueKind.Object || Text(refund, "id") is not { } id || !id.StartsWith("re_", StringComparison.Ordinal))
        {
            return null;
        }

        var amount = refund.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt64(out var minor) ? minor : (long?)null;
        var intentId = refund.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? Text(metadata, StripeRefunds.IntentMetadataKey) : null;
        var paymentIntent = refund.TryGetProperty("payment_intent", out var pi) && pi.ValueKind == JsonValueKind.Object ? Text(pi, "id") : Text(refund, "payment_intent");
        return new StripeRefundObject(id, amount, Text(refund, "status") ?? "pending", Text(refund, "failure_reason"), intentId, paymentIntent);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>
/// A refund Stripe reports (a refund event, or one listed on a charge), matched by its id, never by amounts: one already
/// booked changes nothing; one whose metadata names a pending intent of ours finishes that intent, as the reconciler would;
/// one of no intent of ours (made in Stripe's dashboard) is booked once when it has succeeded, at most what is left of the payment.
/// </summary>
internal sealed record BookStripeRefundCommand(string PaymentId, StripeRefundObject Refund) : ICommand<string>;

internal sealed class BookStripeRefundHandler(DbSession db, PaymentBook book, RefundBook refunds, DebtorLock locks, IMediator mediator, TimeProvider time)
    : IRequestHandler<BookStripeRefundCommand, string>
{
    public const string DashboardReason = "Refunded in Stripe";

    public async Task<string> Handle(BookStripeRefundCommand command, CancellationToken cancellationToken)
    {
        var refund = command.Refund;
        var payment = (await book.FindAsync(command.PaymentId, cancellationToken))!;
        await locks.AcquireAsync(payment.DebtorId, cancellationToken);
        if (await refunds.IsBookedAsync(refund.Id, cancellationToken))
        {
            return $"refund {refund.Id} already booked";
        }

        if (refund.IntentId is { } intentId && await RefundIntentQueries.FindByIdAsync(db, intentId, cancellationToken) is { } intent && intent.PaymentId == payment.Id)
        {
            if (intent.Status != RefundIntentStatuses.Pending)
            {
                return $"refund {refund.Id}: intent {intent.Id} already {intent.Status}";
            }

            var finished = await mediator.Send(new FinishRefundIntentCommand(intent.Id, refund.Answer, null), cancellationToken);
            return finished.Status == RefundIntentStatuses.Pending
                ? $"refund {refund.Id} is {refund.Status} at Stripe: intent {intent.Id} waits"
                : $"refund {refund.Id}: intent {intent.Id} {finished.Status}";
        }

        if (!refund.Answer.Succeeded)
        {
            return $"refund {refund.Id} is {refund.Status} at Stripe: nothing booked";
        }

        payment = (await book.FindAsync(payment.Id, cancellationToken))!;
        var reported = refund.StripeAmount is { } amount ? StripeAmounts.FromStripe(amount, Currency.Of(payment.Currency)) ?? 0 : 0;
        var booked = Math.Min(reported, payment.UnreturnedMinor);
        if (booked <= 0)
        {
            return $"refund {refund.Id}: nothing of payment {payment.Id} is left to refund";
        }

        var refundId = Ids.New("ref", time);
        await refunds.RefundAsync(payment, booked, DashboardReason, refundId, refund.Id, cancellationToken);
        return $"payment {payment.Id}: refund {refundId} ({refund.Id}) recorded";
    }
}
