using Collections.SharedKernel.Data;

namespace Collections.PaymentPlans.Domain;

internal sealed record PlanRow
{
    public const string Columns = """
        id AS Id, debtor_id AS DebtorId, status AS Status, currency AS Currency, total_minor AS TotalMinor, paid_minor AS PaidMinor,
        down_payment_minor AS DownPaymentMinor, frequency AS Frequency, first_payment_date AS FirstPaymentDate, time_zone AS TimeZone,
        policy_reasons_json AS PolicyReasonsJson, created_by AS CreatedBy, created_at AS CreatedAt, activated_at AS ActivatedAt,
        closed_at AS ClosedAt, close_reason AS CloseReason, version AS Version
        """;

    public string Id { get; init; } = "";
    public string DebtorId { get; init; } = "";
    public string Status { get; init; } = "";
    public string Currency { get; init; } = "";
    public long TotalMinor { get; init; }
    public long PaidMinor { get; init; }
    public long DownPaymentMinor { get; init; }
    public string Frequency { get; init; } = "";
    public DateOnly FirstPaymentDate { get; init; }
    public string TimeZone { get; init; } = "UTC";
    public string PolicyReasonsJson { get; init; } = "[]";
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ActivatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? CloseReason { get; init; }
    public int Version { get; init; }
}

internal sealed record PlanInvoiceRow
{
    public string PlanId { get; init; } = "";
    public string InvoiceId { get; init; } = "";
    public long AmountMinor { get; init; }
}

internal sealed record InstallmentRow
{
    public string PlanId { get; init; } = "";
    public int Number { get; init; }
    public DateOnly DueDate { get; init; }
    public long AmountMinor { get; init; }
    public long PaidMinor { get; init; }
    public string Status { get; init; } = "";
    public bool IsDownPayment { get; init; }

    public InstallmentState ToState() => new(Number, DueDate, AmountMinor, PaidMinor, Status);
}

internal sealed record LoadedPlan(PlanRow Plan, IReadOnlyList<PlanInvoiceRow> Invoices, IReadOnlyList<InstallmentRow> Installments)
{
    public IReadOnlyList<string> InvoiceIds => Invoices.Select(i => i.InvoiceId).ToList();
}

internal sealed class PlanStore(DbSession db)
{
    private const string PlanSql = "SELECT " + PlanRow.Columns + " FROM paymentplans_plans WHERE id = @Id";

    private const string InvoicesSql = """
        SELECT plan_id AS PlanId, invoice_id AS InvoiceId, amount_minor AS AmountMinor
        FROM paymentplans_plan_invoices WHERE plan_id = @Id ORDER BY position
        """;

    private const string InstallmentsSql = """
        SELECT number AS Number, due_date AS DueDate, amount_minor AS AmountMinor, paid_minor AS PaidMinor, status AS Status, is_down_payment AS IsDownPayment
        FROM paymentplans_installments WHERE plan_id = @Id ORDER BY number
        """;

    private const string PlansOfSql = "SELECT " + PlanRow.Columns + " FROM paymentplans_plans WHERE id IN @Ids";

    private const string InvoicesOfSql = """
        SELECT plan_id AS PlanId, invoice_id AS InvoiceId, amount_minor AS AmountMinor
        FROM paymentplans_plan_invoices WHERE plan_id IN @Ids ORDER BY plan_id, position
        """;

    private const string InstallmentsOfSql = """
        SELECT plan_id AS PlanId, number AS Number, due_date AS DueDate, amount_minor AS AmountMinor, paid_minor AS PaidMinor, status AS Status,
               is_down_payment AS IsDownPayment
        FROM paymentplans_installments WHERE plan_id IN @Ids ORDER BY plan_id, number
        """;

    private const string UpdateInstallmentSql = """
        UPDATE paymentplans_installments SET paid_minor = @PaidMinor, status = @Status WHERE plan_id = @PlanId AND number = @Number
        """;

    private const string ResizeInstallmentSql = """
        UPDATE paymentplans_installments SET amount_minor = @AmountMinor, paid_minor = @PaidMinor, status = @Status WHERE plan_id = @PlanId AND number = @Number
        """;

    private const string DeleteInstallmentSql = "DELETE FROM paymentplans_installments WHERE plan_id = @PlanId AND number = @Number";

    private const string ResizePlanSql = "UPDATE paymentplans_plans SET total_minor = @TotalMinor, version = version + 1 WHERE id = @Id AND version = @Version";

    private const string UpdateStatusSql = """
        UPDATE paymentplans_plans SET status = @Status, paid_minor = @PaidMinor, activated_at = COALESCE(activated_at, @ActivatedAt),
            closed_at = @ClosedAt, close_reason = @CloseReason, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

    public async Task<LoadedPlan?> FindAsync(string id, CancellationToken ct)
    {
        var plan = await db.QuerySingleOrDefaultAsync<PlanRow>(PlanSql, new { Id = id }, ct);
        if (plan is null)
        {
            return null;
        }

        var invoices = await db.QueryAsync<PlanInvoiceRow>(InvoicesSql, new { Id = id }, ct);
        var installments = await db.QueryAsync<InstallmentRow>(InstallmentsSql, new { Id = id }, ct);
        return new LoadedPlan(plan, invoices, installments);
    }

    /// <summary>A page of plans in three queries, whatever its size, in the order of <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyList<LoadedPlan>> FindManyAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var plans = (await db.QueryByIdsAsync<PlanRow>(PlansOfSql, ids, chunk => new { Ids = chunk }, ct)).ToDictionary(p => p.Id);
        var invoices = (await db.QueryByIdsAsync<PlanInvoiceRow>(InvoicesOfSql, ids, chunk => new { Ids = chunk }, ct)).ToLookup(i => i.PlanId);
        var installments = (await db.QueryByIdsAsync<InstallmentRow>(InstallmentsOfSql, ids, chunk => new { Ids = chunk }, ct)).ToLookup(i => i.PlanId);
        return ids.Where(plans.ContainsKey).Select(id => new LoadedPlan(plans[id], invoices[id].ToList(), installments[id].ToList())).ToList();
    }

    public async Task SaveInstallmentsAsync(string planId, IEnumerable<InstallmentState> installments, CancellationToken ct)
    {
        foreach (var installment in installments)
        {
            await db.ExecuteAsync(UpdateInstallmentSql, new { PlanId = planId, installment.Number, installment.PaidMinor, installment.Status }, ct);
        }
    }

    /// <summary>Replaces the schedule's amounts after the planned total was lowered; installments no longer needed are removed.</summary>
    public async Task<PlanRow> ResizeAsync(LoadedPlan loaded, IReadOnlyList<InstallmentState> installments, CancellationToken ct)
    {
        foreach (var old in loaded.Installments.Where(o => installments.All(i => i.Number != o.Number)))
        {
            await db.ExecuteAsync(DeleteInstallmentSql, new { PlanId = loaded.Plan.Id, old.Number }, ct);
        }

        foreach (var installment in installments)
        {
            await db.ExecuteAsync(ResizeInstallmentSql, new { PlanId = loaded.Plan.Id, installment.Number, installment.AmountMinor, installment.PaidMinor, installment.Status }, ct);
        }

        var total = installments.Sum(i => i.AmountMinor);
        if (await db.ExecuteAsync(ResizePlanSql, new { loaded.Plan.Id, TotalMinor = total, loaded.Plan.Version }, ct) == 0)
        {
            throw new Collections.SharedKernel.Errors.ConflictException($"Payment plan {loaded.Plan.Id} was changed by another request; retry.");
        }

        return loaded.Plan with { TotalMinor = total, Version = loaded.Plan.Version + 1 };
    }

    /// <summary>Optimistic: a plan changed by someone else meanwhile is a 409, never a lost update.</summary>
    public async Task UpdateAsync(PlanRow plan, string status, long paidMinor, DateTimeOffset? activatedAt, DateTimeOffset? closedAt, string? closeReason, CancellationToken ct)
    {
        var changed = await db.ExecuteAsync(UpdateStatusSql, new { plan.Id, Status = status, PaidMinor = paidMinor, ActivatedAt = activatedAt, ClosedAt = closedAt, CloseReason = closeReason, plan.Version }, ct);
        if (changed == 0)
        {
            throw new Collections.SharedKernel.Errors.ConflictException($"Payment plan {plan.Id} was changed by another request; retry.");
        }
    }
}
