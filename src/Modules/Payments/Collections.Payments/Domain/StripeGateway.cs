using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Stripe;
using Stripe.Checkout;

namespace Collections.Payments.Domain;

internal sealed class StripeOptions
{
    public string? SecretKey { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>Another base URL for the Stripe API (a local test double); empty means api.stripe.com.</summary>
    public string? ApiBase { get; set; }

    public int MaxNetworkRetries { get; set; } = 2;

    public long SignatureToleranceSeconds { get; set; } = 300;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}

internal sealed record CheckoutLine(string Name, long AmountMinor);

/// <summary>Locale: Stripe's language for the page (en, de, fr, es, nl, it or auto); null leaves it to Stripe.</summary>
internal sealed record CheckoutRequest(string AttemptId, string DebtorId, string Currency, IReadOnlyList<CheckoutLine> Lines, string SuccessUrl, string CancelUrl, string? Locale = null);

internal sealed record CheckoutSessionCreated(string SessionId, string Url);

/// <summary>The only place that calls Stripe. Every call carries an idempotency key so a retried request creates nothing twice.</summary>
internal sealed class StripeGateway(StripeOptions options)
{
    private readonly Lazy<StripeClient> client = new(() => new StripeClient(new StripeClientOptions
    {
        ApiKey = options.SecretKey,
        ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, options.MaxNetworkRetries),
    }));

    public bool IsConfigured => options.IsConfigured;

    /// <summary>Card everywhere; a bank debit where Stripe offers one for the currency.</summary>
    public static IReadOnlyList<string> PaymentMethodsFor(string currency) => currency switch
    {
        "USD" => ["card", "us_bank_account"],
        "EUR" => ["card", "sepa_debit"],
        _ => ["card"],
    };

    public Task<CheckoutSessionCreated> CreateCheckoutAsync(CheckoutRequest request, CancellationToken ct) =>
        Call(() => CreateSessionAsync(request, ct));

    public Task<string> RefundAsync(string paymentIntent, long amountMinor, Currency currency, string idempotencyKey, string paymentId, CancellationToken ct) =>
        Call(() => CreateRefundAsync(paymentIntent, ToStripe(amountMinor, currency), idempotencyKey, paymentId, ct));

    /// <summary>Refuses, before anything is sent, an amount Stripe cannot charge or refund exactly.</summary>
    public static long ToStripe(long amountMinor, Currency currency) =>
        StripeAmounts.ToStripe(amountMinor, currency) ?? throw new BusinessRuleException(
            $"{new Money(amountMinor, currency)} cannot be paid through Stripe, which takes {currency} in steps of "
            + $"{new Money(StripeAmounts.StepOf(currency), currency)}. Choose an amount in those steps, or pay by bank transfer.");

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        DbSession.EnsureNoTransaction("Stripe");
        try
        {
            return await call();
        }
        catch (StripeException exception) when ((int)exception.HttpStatusCode is >= 400 and < 500)
        {
            throw new BusinessRuleException($"Stripe refused the request: {exception.StripeError?.Message ?? exception.Message}");
        }
        catch (Exception exception) when (exception is StripeException or HttpRequestException or TaskCanceledException)
        {
            throw new NotConfiguredException("Stripe cannot be reached right now. Nothing was charged; try again shortly.");
        }
    }

    private async Task<CheckoutSessionCreated> CreateSessionAsync(CheckoutRequest request, CancellationToken ct)
    {
        var service = new SessionService(Client());
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
                    UnitAmount = ToStripe(l.AmountMinor, Currency.Of(request.Currency)),
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

    private async Task<string> CreateRefundAsync(string paymentIntent, long stripeAmount, string idempotencyKey, string paymentId, CancellationToken ct)
    {
        var refund = await new RefundService(Client()).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = paymentIntent,
            Amount = stripeAmount,
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string> { ["payment_id"] = paymentId },
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct);
        return refund.Id;
    }

    private StripeClient Client() => IsConfigured ? client.Value : throw new NotConfiguredException("Online payments are not configured.");
}
