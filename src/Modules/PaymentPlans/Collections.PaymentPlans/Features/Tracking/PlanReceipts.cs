using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.PaymentPlans.Features.Tracking;

/// <summary>
/// Money counted toward plans, read from the receivables ledger of the plan's invoices: allocations and discounts
/// (from any payment or applied account credit) pay installments in order; reversals (refunds, chargebacks, failed
/// debits) take back at most what that same payment counted toward the plan, so nothing is counted twice.
/// </summary>
internal sealed class PlanReceipts(DbSession db, PlanStore store, PlanLifecycle lifecycle, TimeProvider time)
{
    private const string PlanOfItemSql = """
        SELECT p.id FROM paymentplans_plan_invoices pi
        JOIN paymentplans_plans p ON p.id = pi.plan_id
        WHERE pi.invoice_id = @ItemId AND p.status = 'active'
        """;

    private const string CreditedPlansOfItemSql = """
        SELECT p.id AS PlanId, COALESCE(SUM(r.amount_minor), 0) AS NetMinor
        FROM paymentplans_plan_invoices pi
        JOIN paymentplans_plans p ON p.id = pi.plan_id
        JOIN paymentplans_receipts r ON r.plan_id = p.id AND r.payment_id = @PaymentId
        WHERE pi.invoice_id = @ItemId AND p.status IN ('active', 'completed')
        GROUP BY p.id
        ORDER BY p.id DESC
        """;

    private const string InsertSql = """
        INSERT INTO paymentplans_receipts (plan_id, source_type, source_id, payment_id, amount_minor, recorded_at)
        VALUES (@PlanId, @SourceType, @SourceId, @PaymentId, @AmountMinor, @Now)
        """;

    public async Task<string?> ActivePlanOfAsync(string itemId, CancellationToken ct) =>
        await db.QueryFirstOrDefaultAsync<string>(PlanOfItemSql, new { ItemId = itemId }, ct);

    public async Task CreditAsync(string itemId, string kind, string? paymentId, long amountMinor, CancellationToken ct)
    {
        if (amountMinor > 0 && await ActivePlanOfAsync(itemId, ct) is { } planId)
        {
            await RecordAsync(planId, kind, paymentId, amountMinor, ct);
            await ApplyAsync(planId, amountMinor, ct);
        }
    }

    public async Task DebitAsync(string itemId, string kind, string? paymentId, long amountMinor, CancellationToken ct)
    {
        foreach (var credited in await db.QueryAsync<NetReceipt>(CreditedPlansOfItemSql, new { ItemId = itemId, PaymentId = paymentId ?? string.Empty }, ct))
        {
            var take = Math.Min(amountMinor, credited.NetMinor);
            if (take > 0)
            {
                await RecordAsync(credited.PlanId, kind, paymentId, -take, ct);
                await ApplyAsync(credited.PlanId, -take, ct);
                return;
            }
        }
    }

    private Task RecordAsync(string planId, string kind, string? paymentId, long amountMinor, CancellationToken ct) =>
        db.ExecuteAsync(InsertSql, new { PlanId = planId, SourceType = kind, SourceId = Ids.New("ppr", time), PaymentId = paymentId ?? string.Empty, AmountMinor = amountMinor, Now = time.GetUtcNow() }, ct);

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
