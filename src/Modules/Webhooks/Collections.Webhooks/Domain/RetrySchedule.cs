namespace Collections.Webhooks.Domain;

/// <summary>
/// The long back-off between delivery attempts, stored on the row so it survives restarts: base × 2^(n−1), capped,
/// with ±20 % jitter so many endpoints recovering together do not retry in lockstep. Null once the window is over.
/// </summary>
internal static class RetrySchedule
{
    public static DateTimeOffset? NextAttempt(int failedAttempts, DateTimeOffset now, DateTimeOffset expiresAt, WebhookOptions options, double jitterSample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = Math.Min(options.RetryBaseDelay.Ticks * (1L << Math.Min(exponent, 20)), options.RetryMaxDelay.Ticks);
        var jitter = 0.8 + (0.4 * Math.Clamp(jitterSample, 0, 1));
        var next = now + TimeSpan.FromTicks((long)(ticks * jitter));
        return next > expiresAt ? null : next;
    }
}
