namespace Collections.StripeDouble;

public sealed class StripeDoubleOptions
{
    /// <summary>The secret key callers must send as `Authorization: Bearer`.</summary>
    public string SecretKey { get; set; } = "sk_test_stripe_double";

    /// <summary>Signs every webhook, exactly as Stripe does (`t=…,v1=` HMAC-SHA256 of `{t}.{payload}`).</summary>
    public string WebhookSecret { get; set; } = "whsec_stripe_double";

    /// <summary>Where events are delivered (absolute, or relative to WebhookClient's base address). Null: events are only recorded.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The client that delivers webhooks; set it to an in-memory test server's client. Default: a plain HttpClient.</summary>
    public HttpClient? WebhookClient { get; set; }

    /// <summary>The double's clock for `created` and signature timestamps; point it at the app's fake clock.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Refunds start pending (as bank-debit refunds do) until <see cref="StripeDouble.SettleRefundAsync"/>; default false, they succeed at once.</summary>
    public bool RefundsStartPending { get; set; }

    /// <summary>The api_version written into events; default Stripe.net's own pinned version.</summary>
    public string ApiVersion { get; set; } = Stripe.StripeConfiguration.ApiVersion;
}

/// <summary>One webhook the double sent, with what the receiver answered (0 when not delivered).</summary>
public sealed record DeliveredEvent(string EventId, string Type, string Payload, int StatusCode, string Response);

/// <summary>One API request the double received: its form or query read back into JSON, and its Idempotency-Key if any.</summary>
public sealed record ApiRequest(string Method, string Path, string? IdempotencyKey, System.Text.Json.Nodes.JsonObject Body);
