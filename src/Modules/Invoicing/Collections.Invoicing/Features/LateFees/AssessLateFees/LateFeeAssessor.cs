using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.Invoicing.Domain.LateFees;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;
using Microsoft.Extensions.Configuration;

namespace Collections.Invoicing.Features.LateFees;

internal sealed record AssessedFee(string FeeId, string FeeNumber, string InvoiceId, string InvoiceNumber, string Currency, long AmountMinor, DateOnly AssessedFor, string Description);

internal sealed record LateFeeRun(int InvoicesExamined, int PeriodsDecided, IReadOnlyList<AssessedFee> Fees);

/// <summary>
/// Applies each invoice's policy (invoice → debtor → configured default) and writes one decision per period,
/// a fee as its own numbered receivable that references the invoice, never an edit of the invoice itself.
/// It works on one batch of debtors at a time, inside the caller's transaction for that batch.
/// </summary>
internal sealed class LateFeeAssessor(DbSession db, Sequences sequences, ReceivableLedger ledger, ActivityLog activity, IMediator mediator, IConfiguration configuration, TimeProvider time)
{
    // Walks the debtors' key and probes each debtor's invoices: over the invoices alone, SQLite reads every candidate per page.
    private const string DebtorPageSql = """
        SELECT d.id FROM invoicing_debtors d
        WHERE d.id > @After AND EXISTS (SELECT 1 FROM invoicing_receivables r
            WHERE r.debtor_id = d.id AND r.kind = 'invoice' AND r.status IN ('open', 'paid') AND r.due_date < @Latest)
        ORDER BY d.id
        LIMIT @Take
        """;

    private const string CandidatesSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE kind = 'invoice' AND status IN ('open', 'paid') AND due_date < @Latest AND debtor_id IN @Ids
        ORDER BY id
        """;

    private const string DebtorsSql = "SELECT id AS Id, time_zone AS TimeZone, late_fee_policy_json AS LateFeePolicyJson FROM invoicing_debtors WHERE id IN @Ids";
    private const string ChargedSql = "SELECT parent_id AS InvoiceId, SUM(total_minor) AS ChargedMinor FROM invoicing_receivables WHERE kind = 'late_fee' AND debtor_id IN @Ids GROUP BY parent_id";
    private const string AssessedSql = "SELECT invoice_id AS InvoiceId, period_key AS PeriodKey FROM invoicing_fee_assessments WHERE invoice_id IN @Ids";
    private const string LedgerSql = "SELECT item_id AS ItemId, effective_date AS Date, amount_minor AS AmountMinor FROM invoicing_ledger_entries WHERE item_id IN @Ids";

    private const string InsertFeeSql = """
        INSERT INTO invoicing_receivables (id, kind, external_id, debtor_id, parent_id, number, po_number, currency, issue_date, due_date,
            total_minor, balance_minor, paid_minor, credited_minor, disputed_minor, payment_plan_id, placed, status, net_days,
            discount_basis_points, discount_days, late_fee_policy_json, content_hash, version, created_at, updated_at)
        VALUES (@Id, 'late_fee', @ExternalId, @DebtorId, @ParentId, @Number, @PoNumber, @Currency, @AssessedFor, @AssessedFor,
            @AmountMinor, @AmountMinor, 0, 0, 0, NULL, @Placed, 'open', NULL, NULL, NULL, NULL, @PeriodKey, 1, @Now, @Now)
        """;

    private const string InsertDecisionSql = """
        INSERT INTO invoicing_fee_assessments (invoice_id, period_key, assessed_for, amount_minor, fee_id, description, assessed_at)
        VALUES (@InvoiceId, @PeriodKey, @AssessedFor, @AmountMinor, @FeeId, @Description, @Now)
        """;

    /// <summary>The next debtors, in id order after <paramref name="after"/> ("" for the first), with an invoice that may owe a fee.</summary>
    public Task<IReadOnlyList<string>> DebtorsAfterAsync(string after, int take, DateOnly? asOf, CancellationToken ct) =>
        db.QueryAsync<string>(DebtorPageSql, new { Latest = Latest(asOf), After = after, Take = take }, ct);

    public async Task<LateFeeRun> AssessAsync(IReadOnlyList<string> debtorIds, DateOnly? asOf, CancellationToken ct)
    {
        Task<IReadOnlyList<T>> Query<T>(string sql, IEnumerable<string> ids, DateOnly? latest = null) =>
            db.QueryByIdsAsync<T>(sql, ids, chunk => new { Ids = chunk, Latest = latest }, ct);

        var debtors = (await Query<DebtorPolicy>(DebtorsSql, debtorIds)).ToDictionary(d => d.Id);
        var charged = (await Query<ChargedTotal>(ChargedSql, debtorIds)).ToDictionary(c => c.InvoiceId, c => c.ChargedMinor);
        var fallback = configuration.GetSection("Invoicing:LateFees:Default").Get<LateFeePolicyRequest>();
        var subjects = new List<(ReceivableRow Invoice, DebtorPolicy? Debtor, LateFeePolicyRequest Policy)>();
        foreach (var invoice in await Query<ReceivableRow>(CandidatesSql, debtorIds, Latest(asOf)))
        {
            var debtor = debtors.GetValueOrDefault(invoice.DebtorId);
            var policy = LateFeePolicyRequest.FromJson(invoice.LateFeePolicyJson) ?? LateFeePolicyRequest.FromJson(debtor?.LateFeePolicyJson) ?? fallback;
            if (policy is not null && policy.Kind != LateFeeKind.None)
            {
                subjects.Add((invoice, debtor, policy));
            }
        }

        var invoiceIds = subjects.Select(s => s.Invoice.Id).ToList();
        var assessed = (await Query<AssessedPeriod>(AssessedSql, invoiceIds)).ToLookup(a => a.InvoiceId, a => a.PeriodKey);
        var entries = (await Query<LedgerPoint>(LedgerSql, invoiceIds)).ToLookup(e => e.ItemId);
        var fees = new List<AssessedFee>();
        var decided = 0;
        foreach (var (invoice, debtor, policy) in subjects.OrderBy(s => s.Invoice.Id, StringComparer.Ordinal))
        {
            var effectiveAsOf = asOf ?? DebtorCalendar.Today(time, debtor?.TimeZone ?? "UTC");
            var subject = new LateFeeSubject(
                Currency.Of(invoice.Currency), invoice.DueDate, new BalanceHistory(entries[invoice.Id].Select(e => (e.Date, e.AmountMinor))), invoice.DisputedMinor,
                invoice.PaymentPlanId is not null, charged.GetValueOrDefault(invoice.Id), assessed[invoice.Id].ToHashSet(StringComparer.Ordinal));
            foreach (var decision in LateFeeCalculator.Assess(policy, subject, effectiveAsOf))
            {
                decided++;
                var fee = decision.AmountMinor > 0 ? await ChargeAsync(invoice, decision, ct) : null;
                if (fee is not null)
                {
                    fees.Add(fee);
                }

                await db.ExecuteAsync(InsertDecisionSql, new
                {
                    InvoiceId = invoice.Id,
                    decision.PeriodKey,
                    decision.AssessedFor,
                    decision.AmountMinor,
                    FeeId = fee?.FeeId,
                    decision.Description,
                    Now = time.GetUtcNow(),
                }, ct);
            }
        }

        return new LateFeeRun(subjects.Count, decided, fees);
    }

    /// <summary>Invoices due before this day may owe a fee: asOf, else the day after today in UTC, which no debtor's own today passes.</summary>
    private DateOnly Latest(DateOnly? asOf) => asOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1);

    private async Task<AssessedFee> ChargeAsync(ReceivableRow invoice, LateFeeDecision decision, CancellationToken ct)
    {
        var id = Ids.New("fee", time);
        var number = await sequences.NextAsync("late_fee", "LF", ct);
        var now = time.GetUtcNow();
        await db.ExecuteAsync(InsertFeeSql, new
        {
            Id = id,
            ExternalId = $"{invoice.Id}:{decision.PeriodKey}",
            invoice.DebtorId,
            ParentId = invoice.Id,
            Number = number,
            invoice.PoNumber,
            invoice.Currency,
            decision.AssessedFor,
            decision.AmountMinor,
            invoice.Placed,
            decision.PeriodKey,
            Now = now,
        }, ct);
        var fee = (await db.QuerySingleOrDefaultAsync<ReceivableRow>(ReceivableRow.SelectByIdSql, new { Id = id }, ct))!;
        await ledger.RecordEntryAsync(fee, EntryTypes.Charge, decision.AmountMinor, decision.AssessedFor, "late_fee", invoice.Id, decision.Description, ct);
        var amount = new Money(decision.AmountMinor, Currency.Of(invoice.Currency));
        await activity.AppendAsync(invoice.DebtorId, "late_fee.assessed", $"Late fee {number} of {amount} on invoice {invoice.Number}: {decision.Description}.", invoice.Id, ct: ct);
        await mediator.Publish(new InvoiceBalanceChanged(id, ItemKinds.LateFee, invoice.DebtorId, fee.ExternalId, invoice.Currency, 0, decision.AmountMinor, "late_fee", invoice.Id, now), ct);
        await mediator.Publish(new LateFeeAssessed(id, invoice.Id, invoice.DebtorId, decision.AmountMinor, invoice.Currency, decision.AssessedFor, now), ct);
        return new AssessedFee(id, number, invoice.Id, invoice.Number, invoice.Currency, decision.AmountMinor, decision.AssessedFor, decision.Description);
    }

    private sealed record DebtorPolicy
    {
        public required string Id { get; init; }

        public required string TimeZone { get; init; }

        public string? LateFeePolicyJson { get; init; }
    }

    private sealed record ChargedTotal
    {
        public required string InvoiceId { get; init; }

        public long ChargedMinor { get; init; }
    }

    private sealed record AssessedPeriod(string InvoiceId, string PeriodKey);

    private sealed record LedgerPoint
    {
        public required string ItemId { get; init; }

        public DateOnly Date { get; init; }

        public long AmountMinor { get; init; }
    }
}
