namespace Collections.Payments.Features.Webhooks;

internal static class AttemptStatuses
{
    public const string Open = "open";
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Expired = "expired";
}

internal sealed record AttemptRow
{
    public const string Columns = """
        id AS Id, debtor_id AS DebtorId, currency AS Currency, amount_minor AS AmountMinor, status AS Status, items_json AS ItemsJson,
        payment_plan_id AS PaymentPlanId, stripe_session_id AS StripeSessionId, checkout_url AS CheckoutUrl, payment_id AS PaymentId,
        failure_reason AS FailureReason, created_at AS CreatedAt, authorized_at AS AuthorizedAt
        """;

    public required string Id { get; init; }

    public required string DebtorId { get; init; }

    public required string Currency { get; init; }

    public long AmountMinor { get; init; }

    public required string Status { get; init; }

    public required string ItemsJson { get; init; }

    public string? PaymentPlanId { get; init; }

    public string? StripeSessionId { get; init; }

    /// <summary>When the debtor completed the checkout; a bank debit clears later but counts as paid from here.</summary>
    public DateTimeOffset? AuthorizedAt { get; init; }

    public string? CheckoutUrl { get; init; }

    public string? PaymentId { get; init; }

    public string? FailureReason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public bool IsSettled => Status is AttemptStatuses.Succeeded or AttemptStatuses.Failed or AttemptStatuses.Expired;
}
