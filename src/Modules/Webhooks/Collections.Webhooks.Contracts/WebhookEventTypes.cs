namespace Collections.Webhooks.Contracts;

/// <summary>The event types an ERP can subscribe a webhook endpoint to ("*" subscribes to all).</summary>
public static class WebhookEventTypes
{
    public const string All = "*";
    public const string InvoicePaid = "invoice.paid";
    public const string InvoiceWrittenOff = "invoice.written_off";
    public const string CreditNoteIssued = "credit_note.issued";
    public const string PaymentSucceeded = "payment.succeeded";
    public const string PaymentFailed = "payment.failed";
    public const string PaymentRefunded = "payment.refunded";
    public const string PaymentChargedBack = "payment.charged_back";
    public const string ChargebackClosed = "payment.chargeback_closed";
    public const string DisputeOpened = "dispute.opened";
    public const string DisputeResolved = "dispute.resolved";
    public const string DisputeWithdrawn = "dispute.withdrawn";
    public const string PaymentPlanActivated = "payment_plan.activated";
    public const string PaymentPlanDefaulted = "payment_plan.defaulted";
    public const string PaymentPlanCompleted = "payment_plan.completed";
    public const string PromiseBroken = "promise.broken";
    public const string DebtorEscalated = "debtor.escalated";

    /// <summary>Sent only by the test ping; never part of a subscription.</summary>
    public const string Ping = "webhook.ping";

    public static IReadOnlyList<string> Subscribable { get; } =
    [
        InvoicePaid, InvoiceWrittenOff, CreditNoteIssued, PaymentSucceeded, PaymentFailed, PaymentRefunded, PaymentChargedBack, ChargebackClosed,
        DisputeOpened, DisputeResolved, DisputeWithdrawn, PaymentPlanActivated, PaymentPlanDefaulted, PaymentPlanCompleted,
        PromiseBroken, DebtorEscalated,
    ];
}
