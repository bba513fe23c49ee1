using Collections.Payments.Domain;
using Collections.SharedKernel;
using Stripe;

namespace Collections.Payments.Features.Refunds;

/// <summary>What Stripe says of a refund: its id, and whether the money has left (succeeded), may still leave (pending), or will not.</summary>
internal sealed record StripeRefundAnswer(string Id, string Status, string? FailureReason)
{
    public bool Succeeded => Status == "succeeded";

    public bool Failed => Status is "failed" or "canceled";
}

/// <summary>
/// A refund at Stripe, under the refund intent's own key, so Stripe refunds once however often it is asked. The intent's id
/// travels as metadata, so Stripe's refund events name the intent they finish.
/// </summary>
internal static class StripeRefunds
{
    public const string IntentMetadataKey = "refund_intent_id";

    public static Task<StripeRefundAnswer> RefundAsync(this StripeGateway stripe, RefundIntentRow intent, CancellationToken ct) =>
        stripe.CallAsync(() => CreateRefundAsync(stripe, intent, StripeGateway.ToStripe(intent.AmountMinor, Currency.Of(intent.Currency)), ct));

    /// <summary>A refund Stripe already gave an id to (it was pending): asked for by id, never created again.</summary>
    public static Task<StripeRefundAnswer> RetrieveRefundAsync(this StripeGateway stripe, string stripeRefundId, CancellationToken ct) =>
        stripe.CallAsync(async () => Answer(await new RefundService(stripe.Client()).GetAsync(stripeRefundId, cancellationToken: ct)));

    private static async Task<StripeRefundAnswer> CreateRefundAsync(StripeGateway stripe, RefundIntentRow intent, long stripeAmount, CancellationToken ct)
    {
        var refund = await new RefundService(stripe.Client()).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = intent.StripePaymentIntent,
            Amount = stripeAmount,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string> { ["payment_id"] = intent.PaymentId, [IntentMetadataKey] = intent.Id },
        }, new RequestOptions { IdempotencyKey = intent.StripeKey }, ct);
        return Answer(refund);
    }

    private static StripeRefundAnswer Answer(Refund refund) => new(refund.Id, refund.Status ?? "pending", refund.FailureReason);
}
