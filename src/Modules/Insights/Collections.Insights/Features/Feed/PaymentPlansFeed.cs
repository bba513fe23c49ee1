using Collections.Insights.Domain;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Insights.Features.Feed;

internal sealed class PaymentPlanActivatedFeed(DbSession db) : INotificationHandler<PaymentPlanActivated>
{
    private const string InsertSql = """
        INSERT INTO insights_plans (id, debtor_id, currency, total_minor, status, started_on, ended_on)
        SELECT @PaymentPlanId, @DebtorId, @Currency, @TotalMinor, 'active', @StartedOn, NULL
        WHERE NOT EXISTS (SELECT 1 FROM insights_plans WHERE id = @PaymentPlanId)
        """;

    public Task Handle(PaymentPlanActivated n, CancellationToken cancellationToken) =>
        db.ExecuteAsync(InsertSql, new { n.PaymentPlanId, n.DebtorId, n.Currency, n.TotalMinor, StartedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
}

internal sealed class PaymentPlanDefaultedFeed(DbSession db, AlertBook alerts, DebtorSignals signals) : INotificationHandler<PaymentPlanDefaulted>
{
    private const string TotalSql = "SELECT currency AS Currency, total_minor AS TotalMinor FROM insights_plans WHERE id = @PaymentPlanId";

    public async Task Handle(PaymentPlanDefaulted n, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(PlanEnding.EndSql, new { n.PaymentPlanId, Status = PaymentPlanStatuses.Defaulted, EndedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
        var plan = await db.QuerySingleOrDefaultAsync<PlanTotal>(TotalSql, new { n.PaymentPlanId }, cancellationToken);
        var amount = plan is null ? "" : FormattableString.Invariant($" of {new Money(plan.TotalMinor, Currency.Of(plan.Currency))}");
        await alerts.RaiseAsync(AlertTypes.PlanDefaulted, n.PaymentPlanId, n.DebtorId,
            FormattableString.Invariant($"Payment plan {n.PaymentPlanId}{amount} defaulted; its {n.InvoiceIds.Count} invoice(s) are back in normal collection."), cancellationToken);
        await signals.RefreshBandAsync(n.DebtorId, cancellationToken);
    }

    private sealed record PlanTotal
    {
        public string Currency { get; init; } = "";
        public long TotalMinor { get; init; }
    }
}

internal sealed class PaymentPlanCompletedFeed(DbSession db) : INotificationHandler<PaymentPlanCompleted>
{
    public Task Handle(PaymentPlanCompleted n, CancellationToken cancellationToken) =>
        db.ExecuteAsync(PlanEnding.EndSql, new { n.PaymentPlanId, Status = PaymentPlanStatuses.Completed, EndedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
}

internal sealed class PaymentPlanCancelledFeed(DbSession db) : INotificationHandler<PaymentPlanCancelled>
{
    public Task Handle(PaymentPlanCancelled n, CancellationToken cancellationToken) =>
        db.ExecuteAsync(PlanEnding.EndSql, new { n.PaymentPlanId, Status = PaymentPlanStatuses.Cancelled, EndedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
}

internal static class PlanEnding
{
    public const string EndSql = "UPDATE insights_plans SET status = @Status, ended_on = @EndedOn WHERE id = @PaymentPlanId AND ended_on IS NULL";
}
