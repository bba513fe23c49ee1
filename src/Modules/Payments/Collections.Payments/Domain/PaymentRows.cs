namespace Collections.Payments.Domain;

internal static class PaymentStatuses
{
    public const string Succeeded = "succeeded";
    public const string Refunded = "refunded";
    public const string Chargeback = "chargeback";
}

internal sealed record PaymentRow
{
    public const string Columns = """
        id AS Id, debtor_id AS DebtorId, currency AS Currency, amount_minor AS AmountMinor, unapplied_minor AS UnappliedMinor,
        refunded_minor AS RefundedMinor, method AS Method, status AS Status, reference AS Reference, received_on AS ReceivedOn,
        recorded_at AS RecordedAt, attempt_id AS AttemptId, payment_plan_id AS PaymentPlanId, stripe_payment_intent AS StripePaymentIntent,
        charged_back_minor AS ChargedBackMinor, chargeback_dispute_id AS ChargebackDisputeId, feed_seq AS FeedSeq
        """;

    public required string Id { get; init; }

    /// <summary>Where the payment stands in the change feed: the number of its latest change (0 if unchanged since before the feed).</summary>
    public long FeedSeq { get; init; }

    public required string DebtorId { get; init; }

    public required string Currency { get; init; }

    public long AmountMinor { get; init; }

    public long UnappliedMinor { get; init; }

    public long RefundedMinor { get; init; }

    /// <summary>What an open or lost chargeback took back; zero when none did, or after the creditor won.</summary>
    public long ChargedBackMinor { get; init; }

    /// <summary>The Stripe dispute that charged the payment back, kept after it ends.</summary>
    public string? ChargebackDisputeId { get; init; }

    public required string Method { get; init; }

    public required string Status { get; init; }

    public string? Reference { get; init; }

    public DateOnly ReceivedOn { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public string? AttemptId { get; init; }

    public string? PaymentPlanId { get; init; }

    public string? StripePaymentIntent { get; init; }

    /// <summary>What a new refund may ask for: nothing while the payer's bank holds a chargeback (Stripe refuses to refund a disputed charge).</summary>
    public long RefundableMinor => Status == PaymentStatuses.Chargeback ? 0 : AmountMinor - RefundedMinor;

    /// <summary>
    /// What neither a refund nor a chargeback has returned to the payer: the most a refund that already happened at Stripe
    /// can book, even when its event arrives after a later chargeback's.
    /// </summary>
    public long UnreturnedMinor => AmountMinor - RefundedMinor - ChargedBackMinor;
}

internal sealed record AllocationRow
{
    public const string Columns = """
        id AS Id, payment_id AS PaymentId, item_id AS ItemId, amount_minor AS AmountMinor, discount_minor AS DiscountMinor,
        reversed_minor AS ReversedMinor, source AS Source, created_at AS CreatedAt
        """;

    public required string Id { get; init; }

    public required string PaymentId { get; init; }

    public required string ItemId { get; init; }

    public long AmountMinor { get; init; }

    public long DiscountMinor { get; init; }

    public long ReversedMinor { get; init; }

    public required string Source { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public long ActiveMinor => AmountMinor - ReversedMinor;
}

/// <summary>What a checkout asked to pay on one item; null amount = whatever the attempt has left (plan installments).</summary>
internal sealed record AttemptItem(string InvoiceId, long? AmountMinor);
