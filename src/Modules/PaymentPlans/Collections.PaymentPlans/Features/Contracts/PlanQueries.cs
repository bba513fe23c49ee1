using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.PaymentPlans.Features.Contracts;

/// <summary>What Payments asks before a plan checkout: the next installment's outstanding amount and the invoices it pays down.</summary>
internal sealed class GetNextInstallmentHandler(PlanStore store) : IRequestHandler<GetNextInstallmentQuery, InstallmentDueDto?>
{
    public async Task<InstallmentDueDto?> Handle(GetNextInstallmentQuery query, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(query.PaymentPlanId, cancellationToken);
        if (loaded is null || loaded.Plan.Status != PaymentPlanStatuses.Active)
        {
            return null;
        }

        var next = loaded.Installments.FirstOrDefault(i => i.PaidMinor < i.AmountMinor);
        return next is null
            ? null
            : new InstallmentDueDto(loaded.Plan.Id, loaded.Plan.DebtorId, next.Number, next.DueDate, next.AmountMinor - next.PaidMinor, loaded.Plan.Currency, loaded.InvoiceIds);
    }
}

internal sealed class GetActivePlansHandler(DbSession db, PlanStore store) : IRequestHandler<GetActivePlansQuery, IReadOnlyList<PaymentPlanSummaryDto>>
{
    private const string ActiveSql = """
        SELECT id FROM paymentplans_plans WHERE status = 'active' AND (@DebtorId IS NULL OR debtor_id = @DebtorId) ORDER BY debtor_id, id
        """;

    public async Task<IReadOnlyList<PaymentPlanSummaryDto>> Handle(GetActivePlansQuery query, CancellationToken cancellationToken) =>
        await PlanSummaries.LoadAsync(store, await db.QueryAsync<string>(ActiveSql, new { query.DebtorId }, cancellationToken), cancellationToken);
}

internal sealed class GetActivePlansOfDebtorsHandler(DbSession db, PlanStore store) : IRequestHandler<GetActivePlansOfDebtorsQuery, IReadOnlyList<PaymentPlanSummaryDto>>
{
    private const string ActiveSql = "SELECT id FROM paymentplans_plans WHERE status = 'active' AND debtor_id IN @Ids ORDER BY debtor_id, id";

    public async Task<IReadOnlyList<PaymentPlanSummaryDto>> Handle(GetActivePlansOfDebtorsQuery query, CancellationToken cancellationToken) =>
        await PlanSummaries.LoadAsync(store, await db.QueryByIdsAsync<string>(ActiveSql, query.DebtorIds, ids => new { Ids = ids }, cancellationToken), cancellationToken);
}

internal sealed class GetPlansHandler(DbSession db, PlanStore store) : IRequestHandler<GetPlansQuery, IReadOnlyList<PaymentPlanSummaryDto>>
{
    private const string PlansSql = "SELECT id FROM paymentplans_plans WHERE debtor_id = @DebtorId ORDER BY id DESC";

    public async Task<IReadOnlyList<PaymentPlanSummaryDto>> Handle(GetPlansQuery query, CancellationToken cancellationToken) =>
        await PlanSummaries.LoadAsync(store, await db.QueryAsync<string>(PlansSql, new { query.DebtorId }, cancellationToken), cancellationToken);
}

internal static class PlanSummaries
{
    /// <summary>Three statements for all the plans, whatever their number (a dunning run asks for every active plan).</summary>
    public static async Task<IReadOnlyList<PaymentPlanSummaryDto>> LoadAsync(PlanStore store, IReadOnlyList<string> ids, CancellationToken ct) =>
        (await store.FindManyAsync(ids, ct)).Select(Summary).ToList();

    private static PaymentPlanSummaryDto Summary(LoadedPlan loaded)
    {
        var plan = loaded.Plan;
        var nextDue = loaded.Installments.FirstOrDefault(i => i.PaidMinor < i.AmountMinor);
        return new PaymentPlanSummaryDto(plan.Id, plan.DebtorId, plan.Status, plan.Currency, plan.TotalMinor, plan.PaidMinor, loaded.InvoiceIds,
            nextDue?.DueDate, plan.CreatedAt, nextDue is null ? null : nextDue.AmountMinor - nextDue.PaidMinor);
    }
}
