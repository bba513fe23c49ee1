using Collections.Disputes.Contracts;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Dunning.Domain;

/// <summary>
/// Everything chasing a set of debtors needs: a run plans a batch from it, and a message about to leave is checked again
/// against it (<see cref="MessageRecheck"/>), so both judge by the same data. Read in a fixed number of queries whatever
/// the number of invoices.
/// </summary>
internal sealed record ChaseSnapshot(
    IReadOnlyList<ReceivableDto> Invoices,
    IReadOnlyDictionary<string, DebtorDto> Debtors,
    IReadOnlyDictionary<string, SettingsRow> Settings,
    IReadOnlyList<DunningPolicy> Policies,
    TemplateBook Templates,
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

    /// <summary>The STOPs of the numbers of the debtors' contacts who consented to SMS, by number.</summary>
    public IReadOnlyDictionary<string, SmsOptOutRow> SmsOptOuts { get; init; } = new Dictionary<string, SmsOptOutRow>();

    /// <summary>The policy a debtor is on: the one set for it, else its segment's, else the standard one.</summary>
    public DunningPolicy PolicyOf(DebtorDto debtor, SettingsRow? settings) =>
        Policies.FirstOrDefault(p => p.Id == settings?.PolicyId)
        ?? Policies.FirstOrDefault(p => p.Name == debtor.Segment)
        ?? Policies.First(p => p.Name == "standard");
}

/// <summary>
/// Loads the chase snapshot of one batch of a run's debtors, or of one debtor when a message about to leave is checked again.
/// Debtors named here without an open invoice are simply absent from it.
/// </summary>
internal sealed class ChaseSnapshotLoader(DbSession db, IMediator mediator)
{
    private const string SettingsSql = "SELECT debtor_id AS DebtorId, policy_id AS PolicyId, do_not_contact AS DoNotContact, hold_until AS HoldUntil, hold_reason AS HoldReason FROM dunning_debtor_settings WHERE debtor_id IN @Ids";
    private const string PoliciesSql = "SELECT id AS Id, name AS Name, description AS Description, steps_json AS StepsJson, version AS Version FROM dunning_policies";
    private const string TakenSql = "SELECT invoice_id AS InvoiceId, step_key AS StepKey, as_of AS AsOf FROM dunning_step_log WHERE debtor_id IN @Ids";
    private const string PromisesSql = "SELECT " + PromiseRow.Columns + " FROM dunning_promises WHERE status = 'live' AND debtor_id IN @Ids";
    private const string PendingSql = "SELECT attempt_id AS AttemptId, debtor_id AS DebtorId, amount_minor AS AmountMinor, currency AS Currency, item_ids AS ItemIds, created_at AS CreatedAt FROM dunning_pending_payments WHERE debtor_id IN @Ids";
    private const string FlagsSql = "SELECT invoice_id AS InvoiceId, reason AS Reason FROM dunning_invoice_flags WHERE debtor_id IN @Ids";
    private const string LastRemindersSql = """
        SELECT debtor_id AS DebtorId, channel AS Channel, MAX(created_at) AS LastAt FROM dunning_messages
        WHERE purpose = 'reminder' AND status IN ('queued', 'sending', 'sent', 'to_print') AND debtor_id IN @Ids
        GROUP BY debtor_id, channel
        """;
    private const string OptOutsSql = "SELECT " + SmsOptOutRow.Columns + " FROM dunning_sms_opt_outs WHERE phone IN @Ids";
    private const string OpenTasksSql = "SELECT id AS Id, debtor_id AS DebtorId, action AS Action, invoice_ids AS InvoiceIds FROM dunning_tasks WHERE status = 'open' AND debtor_id IN @Ids";

    public async Task<ChaseSnapshot> LoadAsync(IReadOnlyCollection<string> debtorIds, CancellationToken ct)
    {
        Task<IReadOnlyList<T>> Query<T>(string sql) => db.QueryByIdsAsync<T>(sql, debtorIds, ids => new { Ids = ids }, ct);

        var items = await mediator.Send(new GetOpenItemsOfDebtorsQuery(debtorIds), ct);
        var invoices = items.Where(i => i.Kind == ItemKinds.Invoice).ToList();
        var debtors = debtorIds.Count == 0 ? [] : await mediator.Send(new GetDebtorsQuery(debtorIds), ct);
        var taken = new Dictionary<string, Dictionary<string, DateOnly>>(StringComparer.Ordinal);
        foreach (var row in await Query<TakenRow>(TakenSql))
        {
            if (!taken.TryGetValue(row.InvoiceId, out var steps))
            {
                taken[row.InvoiceId] = steps = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
            }

            steps[row.StepKey] = row.AsOf;
        }

        var disputes = await mediator.Send(new GetOpenDisputesOfDebtorsQuery(debtorIds), ct);
        var plans = await mediator.Send(new GetActivePlansOfDebtorsQuery(debtorIds), ct);
        var phones = debtors.SelectMany(d => d.Contacts).Where(c => c.SmsConsent is { Given: true } && c.Phone is not null).Select(c => c.Phone!).Distinct().ToList();
        var optOuts = phones.Count == 0 ? [] : await db.QueryByIdsAsync<SmsOptOutRow>(OptOutsSql, phones, ids => new { Ids = ids }, ct);
        return new ChaseSnapshot(
            invoices,
            debtors.ToDictionary(d => d.Id),
            (await Query<SettingsRow>(SettingsSql)).ToDictionary(s => s.DebtorId),
            (await db.QueryAsync<PolicyRow>(PoliciesSql, ct: ct)).Select(p => p.ToPolicy()).ToList(),
            await TemplateBook.LoadAsync(db, ct),
            taken,
            (await Query<PromiseRow>(PromisesSql)).ToLookup(p => p.DebtorId),
            (await Query<PendingRow>(PendingSql)).ToLookup(p => p.DebtorId),
            (await Query<FlagRow>(FlagsSql)).ToDictionary(f => f.InvoiceId, f => f.Reason),
            disputes.GroupBy(d => d.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(d => d.DisputedMinor)),
            plans,
            (await Query<OpenTaskRow>(OpenTasksSql)).ToLookup(t => t.DebtorId),
            (await Query<LastReminderRow>(LastRemindersSql)).ToDictionary(r => (r.DebtorId, r.Channel), r => r.LastAt))
        {
            SmsOptOuts = optOuts.ToDictionary(o => o.Phone, StringComparer.Ordinal),
        };
    }
}

internal sealed record TakenRow
{
    public string InvoiceId { get; init; } = "";
    public string StepKey { get; init; } = "";
    public DateOnly AsOf { get; init; }
}

internal sealed record FlagRow
{
    public string InvoiceId { get; init; } = "";
    public string Reason { get; init; } = "";
}

internal sealed record OpenTaskRow
{
    public string Id { get; init; } = "";
    public string DebtorId { get; init; } = "";
    public string Action { get; init; } = "";
    public string InvoiceIds { get; init; } = "";
}

internal sealed record LastReminderRow
{
    public string DebtorId { get; init; } = "";
    public string Channel { get; init; } = "";
    public DateTimeOffset LastAt { get; init; }
}
