using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel.Data;

namespace Collections.PaymentPlans.Domain;

/// <summary>
/// Money counted toward plans. Each payment, refund or chargeback is recorded once per plan (its key is the
/// primary key), so a replayed notification changes nothing; the plan's paid amount then fills installments in order.
/// </summary>
internal sealed class PlanReceipts(DbSession db, PlanStore store, PlanLifecycle lifecycle, TimeProvider time)
{
    private const string PlanOfItemSql = """
        SELECT p.id FROM paymentplans_plan_invoices pi
        JOIN paymentplans_plans p ON p.id = pi.plan_id
        WHERE pi.invoice_id = @ItemId AND p.status = 'active'
        """;

    private const string ExistsSql = """
        SELECT COUNT(*) FROM paymentplans_receipts WHERE plan_id = @PlanId AND source_type = @SourceType AND source_id = @SourceId
        """;

    private const string InsertSql = """
        INSERT INTO paymentplans_receipts (plan_id, source_type, source_id, payment_id, amount_minor, recorded_at)
        VALUES (@PlanId, @SourceType, @SourceId, @PaymentId, @AmountMinor, @Now)
        """;

    private const string NetByPlanSql = """
        SELECT plan_id AS PlanId, SUM(amount_minor) AS NetMinor FROM paymentplans_receipts
        WHERE payment_id = @PaymentId GROUP BY plan_id ORDER BY plan_id
        """;

    public async Task<string?> ActivePlanOfAsync(string itemId, CancellationToken ct) =>
        await db.QueryFirstOrDefaultAsync<string>(PlanOfItemSql, new { ItemId = itemId }, ct);

    public async Task CreditAsync(string planId, string paymentId, long amountMinor, CancellationToken ct)
    {
        if (amountMinor > 0 && await RecordAsync(planId, "payment", paymentId, paymentId, amountMinor, ct))
        {
            await ApplyAsync(planId, amountMinor, ct);
        }
    }

    /// <summary>Takes back up to amountMinor of what a payment counted toward its plans (a refund or chargeback).</summary>
    public async Task ReverseAsync(string sourceType, string sourceId, string paymentId, long amountMinor, CancellationToken ct)
    {
        var left = amountMinor;
        foreach (var net in await db.QueryAsync<NetReceipt>(NetByPlanSql, new { PaymentId = paymentId }, ct))
        {
            var take = Math.Min(left, net.NetMinor);
            if (take <= 0)
            {
                continue;
            }

            if (await RecordAsync(net.PlanId, sourceType, sourceId, paymentId, -take, ct))
            {
                await ApplyAsync(net.PlanId, -take, ct);
            }

            left -= take;
        }
    }

    private async Task<bool> RecordAsync(string planId, string sourceType, string sourceId, string paymentId, long amountMinor, CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<long>(ExistsSql, new { PlanId = planId, SourceType = sourceType, SourceId = sourceId }, ct) > 0)
        {
            return false;
        }

        await db.ExecuteAsync(InsertSql, new { PlanId = planId, SourceType = sourceType, SourceId = sourceId, PaymentId = paymentId, AmountMinor = amountMinor, Now = time.GetUtcNow() }, ct);
        return true;
    }

    private async Task ApplyAsync(string planId, long deltaMinor, CancellationToken ct)
    {
        var loaded = (await store.FindAsync(planId, ct))!;
        var plan = loaded.Plan;
        var paid = Math.Clamp(plan.PaidMinor + deltaMinor, 0, plan.TotalMinor);
        var installments = InstallmentProgress.ApplyPaid(loaded.Installments.Select(i => i.ToState()).ToList(), paid);
        await store.SaveInstallmentsAsync(planId, installments, ct);
        if (plan.Status == PaymentPlanStatuses.Active && paid >= plan.TotalMinor)
        {
            await lifecycle.CloseAsync(loaded, PaymentPlanStatuses.Completed, "All installments paid.", paid, ct);
        }
        else if (plan.Status == PaymentPlanStatuses.Completed && paid < plan.TotalMinor)
        {
            await lifecycle.ReopenAsync(loaded, paid, ct);
        }
        else
        {
            await store.UpdateAsync(plan, plan.Status, paid, null, plan.ClosedAt, plan.CloseReason, ct);
        }
    }

    private sealed record NetReceipt
    {
        public string PlanId { get; init; } = "";

        public long NetMinor { get; init; }
    }
}
