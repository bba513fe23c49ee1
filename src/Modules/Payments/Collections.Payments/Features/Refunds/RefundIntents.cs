using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;

namespace Collections.Payments.Features.Refunds;

internal static class RefundIntentStatuses
{
    /// <summary>Committed, not yet confirmed by Stripe: the money may or may not have left.</summary>
    public const string Pending = "pending";

    public const string Done = "done";

    /// <summary>Stripe refused it; nothing left.</summary>
    public const string Failed = "failed";
}

internal sealed record RefundIntentRow
{
    public const int OutcomeLength = 500;

    public const string Columns = """
        i.id AS Id, i.payment_id AS PaymentId, i.request_key AS RequestKey, i.amount_minor AS AmountMinor, i.reason AS Reason,
        i.status AS Status, i.outcome AS Outcome, i.updated_at AS UpdatedAt, i.stripe_refund_id AS StripeRefundId, i.response_json AS ResponseJson,
        p.currency AS Currency, p.stripe_payment_intent AS StripePaymentIntent
        """;

    public required string Id { get; init; }

    public required string PaymentId { get; init; }

    public required string RequestKey { get; init; }

    public long AmountMinor { get; init; }

    public required string Reason { get; init; }

    public required string Status { get; init; }

    public string? Outcome { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public required string Currency { get; init; }

    public string? StripePaymentIntent { get; init; }

    /// <summary>The refund Stripe made for this intent, once Stripe has named it (while pending at Stripe, or when done).</summary>
    public string? StripeRefundId { get; init; }

    /// <summary>The request's first answer, returned unchanged to every repeat of it.</summary>
    public string? ResponseJson { get; init; }

    /// <summary>The key Stripe sees: one per intent, so the request, its retries and the reconciler refund once.</summary>
    public string StripeKey => $"refund-{Id}";
}

internal static class RefundIntentQueries
{
    private const string From = " FROM payments_refund_intents i JOIN payments_payments p ON p.id = i.payment_id";

    private const string FindSql = "SELECT " + RefundIntentRow.Columns + From + " WHERE i.payment_id = @PaymentId AND i.request_key = @RequestKey";

    private const string ByIdSql = "SELECT " + RefundIntentRow.Columns + From + " WHERE i.id = @Id";

    private const string StaleSql = "SELECT " + RefundIntentRow.Columns + From + " WHERE i.status = 'pending' AND i.updated_at <= @Before ORDER BY i.updated_at";

    public static Task<RefundIntentRow?> FindAsync(DbSession db, string paymentId, string requestKey, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<RefundIntentRow>(FindSql, new { PaymentId = paymentId, RequestKey = requestKey }, ct);

    public static async Task<RefundIntentRow> ByIdAsync(DbSession db, string id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<RefundIntentRow>(ByIdSql, new { Id = id }, ct) ?? throw new NotFoundException("Refund", id);

    public static Task<RefundIntentRow?> FindByIdAsync(DbSession db, string id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<RefundIntentRow>(ByIdSql, new { Id = id }, ct);

    public static Task<IReadOnlyList<RefundIntentRow>> PendingSinceAsync(DbSession db, DateTimeOffset before, CancellationToken ct) =>
        db.QueryAsync<RefundIntentRow>(StaleSql, new { Before = before }, ct);
}
