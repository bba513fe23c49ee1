using Collections.Payments.Domain;
using Collections.SharedKernel;
using Stripe;

namespace Collections.Payments.Features.Refunds;

/// <summary>A refund at Stripe, under the refund intent's own key, so Stripe refunds once however often it is asked.</summary>
internal static class StripeRefunds
{
    public static Task<string> RefundAsync(this StripeGateway stripe, string paymentIntent, long amountMinor, Currency currency, string idempotencyKey, string paymentId, CancellationToken ct) =>
        stripe.CallAsync(() => CreateRefundAsync(stripe, paymentIntent, StripeGateway.ToStripe(amountMinor, currency), idempotencyKey, paymentId, ct));

    private static async Task<string> CreateRefundAsync(StripeGateway stripe, string paymentIntent, long stripeAmount, string idempotencyKey, string paymentId, CancellationToken ct)
    {
        var refund = await new RefundService(stripe.Client()).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = paymentIntent,
            Amount = stripeAmount,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string> { ["payment_id"] = paymentId },
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct);
        return refund.Id;
    }
}
