using Collections.Payments.Domain;
using Stripe;
using Stripe.Checkout;

namespace Collections.Payments.Features.Checkout;

/// <summary>A checkout session as Stripe has it now.</summary>
internal sealed record StripeSessionState(string Id, string Url, string Status, DateTimeOffset ExpiresAt)
{
    public bool IsOver(DateTimeOffset now) => Status == "expired" || (Status == "open" && ExpiresAt <= now);
}

/// <summary>Asking Stripe about an attempt's session: by the attempt (a session we never heard of), or by its id.</summary>
internal static class StripeSessions
{
    /// <summary>
    /// The session Stripe created for an attempt, or null when it has none. Stripe cannot filter sessions by metadata, so the
    /// sessions created in <paramref name="from"/>..<paramref name="to"/> are read, newest first, for the attempt's id.
    /// </summary>
    public static Task<StripeSessionState?> FindSessionOfAsync(this StripeGateway stripe, string attemptId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        stripe.CallAsync(async () =>
        {
            var listed = new SessionService(stripe.Client()).ListAutoPagingAsync(new SessionListOptions
            {
                Created = new DateRangeOptions { GreaterThanOrEqual = from.UtcDateTime, LessThanOrEqual = to.UtcDateTime },
                Limit = 100,
            }, cancellationToken: ct);
            await foreach (var session in listed)
            {
                if (session.ClientReferenceId == attemptId || session.Metadata?.GetValueOrDefault("attempt_id") == attemptId)
                {
                    return State(session);
                }
            }

            return (StripeSessionState?)null;
        });

    public static Task<StripeSessionState> GetSessionAsync(this StripeGateway stripe, string sessionId, CancellationToken ct) =>
        stripe.CallAsync(async () => State(await new SessionService(stripe.Client()).GetAsync(sessionId, cancellationToken: ct)));

    private static StripeSessionState State(Session session) =>
        new(session.Id, session.Url ?? string.Empty, session.Status ?? "open", new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));
}
