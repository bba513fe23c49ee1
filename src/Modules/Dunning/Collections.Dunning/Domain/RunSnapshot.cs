using Collections.Disputes.Contracts;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Dunning.Domain;

/// <summary>Everything a run needs, read in a fixed number of queries whatever the number of invoices.</summary>
internal sealed record RunSnapshot(
    IReadOnlyList<ReceivableDto> Invoices,
    IReadOnlyDictionary<string, DebtorDto> Debtors,
    IReadOnlyDictionary<string, SettingsRow> Settings,
    IReadOnlyList<DunningPolicy> Policies,
    IReadOnlyDictionary<string, TemplateRow> Templates,
    IReadOnlyDictionary<string, Dictionary<string, DateOnly>> Taken,
    ILookup<string, PromiseRow> LivePromises,
    ILookup<string, PendingRow> Pending,
    IReadOnlyDictionary<string, string> Flags,
    IReadOnlyDictionary<string, long> DisputedByInvoice,
    IReadOnlyList<PaymentPlanSummaryDto> ActivePlans,
    ILookup<string, OpenTaskRow> OpenTasks,
    IReadOnlyDictionary<(string DebtorId, string Channel), DateTimeOffset> LastReminders)
{
    public IReadOnlySet<string> PlannedInvoices { get; } = ActivePlans.SelectMany(p => p.InvoiceIds).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ReceivableDto> InvoicesById { get; } = Invoices.ToDictionary(i => i.Id, StringComparer.Ordinal);
}

/// <summary>Loads a run's snapshot of the whole book, or of one debtor when a message about to leave is checked again.</summary>
internal sealed class RunSnapshotLoader(DbSession db, IMediator mediator)
{
    private const string ForDebtor = " WHERE debtor_id = @DebtorId";
    private const string SettingsSql = "SELECT debtor_id AS DebtorId, policy_id AS PolicyId, do_not_contact AS DoNotContact, hold_until AS HoldUntil, hold_reason AS HoldReason FROM dunning_debtor_settings";
    private const string PoliciesSql = "SELECT id AS Id, name AS Name, description AS Description, steps_json AS StepsJson, version AS Version FROM dunning_policies";
    private const string TemplatesSql = "SELECT template_key AS TemplateKey, channel AS Channel, tone AS Tone, subject AS Subject, body AS Body, version AS Version, updated_at AS UpdatedAt FROM dunning_templates";
    private const string TakenSql = "SELECT invoice_id AS InvoiceId, step_key AS StepKey, as_of AS AsOf FROM dunning_step_log";
    private const string PromisesSql = "SELECT " + PromiseRow.Columns + " FROM dunning_promises WHERE status = 'live'";
    private const string PendingSql = "SELECT attempt_id AS AttemptId, debtor_id AS DebtorId, amount_minor AS AmountMinor, currency AS Currency, item_ids AS ItemIds, created_at AS CreatedAt FROM dunning_pending_payments";
    private const string FlagsSql = "SELECT invoice_id AS InvoiceId, reason AS Reason FROM dunning_invoice_flags";
    private const string LastRemindersSql = """
        SELECT debtor_id AS DebtorId, channel AS Channel, MAX(created_at) AS LastAt FROM dunning_messages
        WHERE purpose = 'reminder' AND status IN ('queued', 'sending', 'sent', 'to_print') AND (@DebtorId IS NULL OR debtor_id = @DebtorId)
        GROUP BY debtor_id, channel
        """;
    private const string OpenTasksSql = "SELECT id AS Id, debtor_id AS DebtorId, action AS Action, invoice_ids AS InvoiceIds FROM dunning_tasks WHERE status = 'open'";

    public Task<RunSnapshot> LoadAsync(CancellationToken ct) => LoadAsync(null, ct);

    public async Task<RunSnapshot> LoadAsync(string? debtorId, CancellationToken ct)
    {
        var all = debtorId is null;
        var param = new { DebtorId = debtorId };
        string Filtered(string sql, bool hasWhere = false) => all ? sql : sql + (hasWhere ? " AND debtor_id = @DebtorId" : ForDebtor);

        var items = all ? await mediator.Send(new GetAllOpenItemsQuery(), ct) : await mediator.Send(new GetOpenItemsQuery(debtorId!), ct);
        var invoices = items.Where(i => i.Kind == ItemKinds.Invoice).ToList();
        var debtorIds = all ? invoices.Select(i => i.DebtorId).Distinct().ToList() : [debtorId!];
        var debtors = debtorIds.Count == 0 ? [] : await mediator.Send(new GetDebtorsQuery(debtorIds), ct);
        var taken = new Dictionary<string, Dictionary<string, DateOnly>>(StringComparer.Ordinal);
        foreach (var row in await db.QueryAsync<TakenRow>(Filtered(TakenSql), param, ct))
        {
            if (!taken.TryGetValue(row.InvoiceId, out var steps))
            {
                taken[row.InvoiceId] = steps = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
            }

            steps[row.StepKey] = row.AsOf;
        }

        var disputes = await mediator.Send(new GetOpenDisputesQuery(debtorId), ct);
        var plans = await mediator.Send(new GetActivePlansQuery(debtorId), ct);
        return new RunSnapshot(
            invoices,
            debtors.ToDictionary(d => d.Id),
            (await db.QueryAsync<SettingsRow>(Filtered(SettingsSql), param, ct)).ToDictionary(s => s.DebtorId),
            (await db.QueryAsync<PolicyRow>(PoliciesSql, ct: ct)).Select(p => p.ToPolicy()).ToList(),
            (await db.QueryAsync<TemplateRow>(TemplatesSql, ct: ct)).ToDictionary(t => t.TemplateKey),
            taken,
            (await db.QueryAsync<PromiseRow>(Filtered(PromisesSql, hasWhere: true), param, ct)).ToLookup(p => p.DebtorId),
            (await db.QueryAsync<PendingRow>(Filtered(PendingSql), param, ct)).ToLookup(p => p.DebtorId),
            (await db.QueryAsync<FlagRow>(Filtered(FlagsSql), param, ct)).ToDictionary(f => f.InvoiceId, f => f.Reason),
            disputes.GroupBy(d => d.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(d => d.DisputedMinor)),
            plans,
            (await db.QueryAsync<OpenTaskRow>(Filtered(OpenTasksSql, hasWhere: true), param, ct)).ToLookup(t => t.DebtorId),
            (await db.QueryAsync<LastReminderRow>(LastRemindersSql, param, ct))
                .ToDictionary(r => (r.DebtorId, r.Channel), r => r.LastAt));
    }
}
