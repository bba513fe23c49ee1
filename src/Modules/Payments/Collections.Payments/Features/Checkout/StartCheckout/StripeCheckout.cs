using Collections.Payments.Domain;
using Collections.SharedKernel;
using Stripe;
using Stripe.Checkout;

namespace Collections.Payments.Features.Checkout;

internal sealed record CheckoutLine(string Name, long AmountMinor);

/// <summary>Locale: Stripe's language for the page (en, de, fr, es, nl, it or auto); null leaves it to Stripe.</summary>
internal sealed record CheckoutRequest(string AttemptId, string DebtorId, string Currency, IReadOnlyList<CheckoutLine> Lines, string SuccessUrl, string CancelUrl, string? Locale = null);

internal sealed record CheckoutSessionCreated(string SessionId, string Url);

/// <summary>The Stripe Checkout session of an attempt, created under the attempt's own key (<c>checkout-{attemptId}</c>).</summary>
internal static class StripeCheckout
{
    /// <summary>Card everywhere; a bank debit where Stripe offers one for the currency.</summary>
    public static IReadOnlyList<string> PaymentMethodsFor(string currency) => currency switch
    {
        "USD" => ["card", "us_bank_account"],
        "EUR" => ["card", "sepa_debit"],
        _ => ["card"],
    };

    public static Task<CheckoutSessionCreated> CreateCheckoutAsync(this StripeGateway stripe, CheckoutRequest request, CancellationToken ct) =>
        stripe.CallAsync(() => CreateSessionAsync(stripe, request, ct));

    private static async Task<CheckoutSessionCreated> CreateSessionAsync(StripeGateway stripe, CheckoutRequest request, CancellationToken ct)
    {
        var service = new SessionService(stripe.Client());
        var session = await service.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            Currency = request.Currency.ToLowerInvariant(),
            AllowedPaymentMethodTypes = [.. PaymentMethodsFor(request.Currency)],
            LineItems = request.Lines.Select(l => new SessionLineItemOptions
            {
                Quantity = 1,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = request.Currency.ToLowerInvariant(),
                    UnitAmount = StripeGateway.ToStripe(l.AmountMinor, Currency.Of(request.Currency)),
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = l.Name },
                },
            }).ToList(),
            ClientReferenceId = request.AttemptId,
            Metadata = new Dictionary<string, string> { ["attempt_id"] = request.AttemptId, ["debtor_id"] = request.DebtorId },
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Metadata = new Dictionary<string, string> { ["attempt_id"] = request.AttemptId, ["debtor_id"] = request.DebtorId },
            },
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            Locale = request.Locale,
        }, new RequestOptions { IdempotencyKey = $"checkout-{request.AttemptId}" }, ct);
        return new CheckoutSessionCreated(session.Id, session.Url);
    }
}
