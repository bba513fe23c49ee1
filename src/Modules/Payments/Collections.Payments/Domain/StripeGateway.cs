using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Stripe;

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

/// <summary>
/// Every call to Stripe goes through <see cref="CallAsync{T}"/>: never inside a database transaction, a refusal is a 422
/// and an outage a 503. The calls themselves live with their use cases (the checkout session with StartCheckout, the
/// refund with the refunds); each carries an idempotency key so a retried request creates nothing twice.
/// </summary>
internal sealed class StripeGateway(StripeOptions options)
{
    private readonly Lazy<StripeClient> client = new(() => new StripeClient(new StripeClientOptions
    {
        ApiKey = options.SecretKey,
        ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase.TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, options.MaxNetworkRetries),
    }));

    public bool IsConfigured => options.IsConfigured;

    /// <summary>Refuses, before anything is sent, an amount Stripe cannot charge or refund exactly.</summary>
    public static long ToStripe(long amountMinor, Currency currency) =>
        StripeAmounts.ToStripe(amountMinor, currency) ?? throw new BusinessRuleException(
            $"{new Money(amountMinor, currency)} cannot be paid through Stripe, which takes {currency} in steps of "
            + $"{new Money(StripeAmounts.StepOf(currency), currency)}. Choose an amount in those steps, or pay by bank transfer.");

    /// <summary>Runs one call to Stripe; <paramref name="call"/> takes its client from <see cref="Client"/>.</summary>
    public async Task<T> CallAsync<T>(Func<Task<T>> call)
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

    /// <summary>The client, for use inside <see cref="CallAsync{T}"/> only; a 503 when Stripe is not configured.</summary>
    public StripeClient Client() => IsConfigured ? client.Value : throw new NotConfiguredException("Online payments are not configured.");
}
