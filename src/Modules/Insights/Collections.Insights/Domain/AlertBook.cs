using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Insights.Domain;

internal static class AlertTypes
{
    public const string LateDrift = "days_late_drift";
    public const string CreditLimitExceeded = "credit_limit_exceeded";
    public const string CreditLimitUnchecked = "credit_limit_unchecked";
    public const string PromiseBroken = "promise_broken";
    public const string PlanDefaulted = "plan_defaulted";
    public const string DisputeOverdue = "dispute_overdue";
    public const string LargeInvoiceDue = "high_risk_large_invoice_due";

    public static readonly string[] All = [LateDrift, CreditLimitExceeded, CreditLimitUnchecked, PromiseBroken, PlanDefaulted, DisputeOverdue, LargeInvoiceDue];
}

/// <summary>Raises each alert once per cause: the cause key is unique, and a second raise is a no-op.</summary>
internal sealed class AlertBook(DbSession db, TimeProvider time)
{
    public const int MessageLength = 1000;

    private const string RaiseSql = """
        INSERT INTO insights_alerts (id, cause_key, debtor_id, alert_type, message, created_at, acknowledged_at, acknowledged_by)
        SELECT @Id, @CauseKey, @DebtorId, @AlertType, @Message, @Now, NULL, NULL
        WHERE NOT EXISTS (SELECT 1 FROM insights_alerts WHERE cause_key = @CauseKey)
        """;

    public async Task<bool> RaiseAsync(string type, string cause, string debtorId, string message, CancellationToken ct) =>
        await db.ExecuteAsync(RaiseSql, new
        {
            Id = Ids.New("alr", time),
            CauseKey = FormattableString.Invariant($"{type}:{cause}"),
            DebtorId = debtorId,
            AlertType = type,
            Message = Text.Clip(message, MessageLength),
            Now = time.GetUtcNow(),
        }, ct) == 1;
}
