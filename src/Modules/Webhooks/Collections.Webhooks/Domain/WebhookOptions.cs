namespace Collections.Webhooks.Domain;

/// <summary>Configuration section "Webhooks".</summary>
public sealed class WebhookOptions
{
    /// <summary>Run the background dispatcher in this instance.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due deliveries (wall clock).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long Collections keeps retrying one delivery before marking it failed.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Short in-process retries per attempt (through the HTTP resilience handler).</summary>
    public int QuickRetries { get; set; } = 2;

    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Development and tests only (start-up refuses it in Production): allow http:// and connections to loopback, so a
    /// receiver on this machine can be tried. Otherwise every endpoint is https to a public address.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }
}
