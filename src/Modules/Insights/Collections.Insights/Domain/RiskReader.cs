using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;
using Microsoft.Extensions.Options;

namespace Collections.Insights.Domain;

/// <summary>A debtor's score, what it owes per currency, and its exposure in the reporting currency at the indicative rates.</summary>
internal sealed record DebtorRisk(DebtorDto Debtor, RiskScore Risk, IReadOnlyList<Money> Open, Exposure Exposure);

/// <summary>Loads the read model's facts for one debtor or all of them, in every currency, and scores them.</summary>
internal sealed class RiskReader(DbSession db, IMediator mediator, IndicativeRates rates, IOptions<InsightsOptions> options)
{
    private const string PaidSql = """
        SELECT debtor_id AS DebtorId, due_date AS DueDate, paid_on AS PaidOn FROM insights_items
        WHERE kind = 'invoice' AND paid_on IS NOT NULL AND paid_on > @YearAgo AND paid_on <= @AsOf AND debtor_id = @DebtorId
        """;

    private const string BalanceSql = """
        SELECT debtor_id AS DebtorId, currency AS Currency, SUM(balance_minor) AS BalanceMinor,
               SUM(CASE WHEN due_date < @AsOf THEN balance_minor ELSE 0 END) AS OverdueMinor
        FROM insights_items WHERE status = 'open' AND balance_minor > 0 AND debtor_id = @DebtorId
        GROUP BY debtor_id, currency
        """;

    private const string CountsSql = """
        SELECT debtor_id AS DebtorId, 'promise' AS Kind, COUNT(*) AS Count FROM insights_promises
        WHERE status = 'broken' AND resolved_on > @YearAgo AND debtor_id = @DebtorId GROUP BY debtor_id
        UNION ALL
        SELECT debtor_id, 'plan', COUNT(*) FROM insights_plans
        WHERE status = 'defaulted' AND ended_on > @YearAgo AND debtor_id = @DebtorId GROUP BY debtor_id
        UNION ALL
        SELECT debtor_id, 'dispute', COUNT(*) FROM insights_disputes
        WHERE opened_on > @YearAgo AND debtor_id = @DebtorId GROUP BY debtor_id
        UNION ALL
        SELECT debtor_id, 'invoice', COUNT(*) FROM insights_items
        WHERE kind = 'invoice' AND issue_date > @YearAgo AND debtor_id = @DebtorId GROUP BY debtor_id
        UNION ALL
        SELECT debtor_id, 'chargeback', COUNT(*) FROM insights_chargebacks
        WHERE opened_on > @YearAgo AND debtor_id = @DebtorId GROUP BY debtor_id
        """;

    // One debtor's score runs on write paths (Insights:AutoSegment): its queries name the debtor outright so the
    // debtor_id indexes are used; "@DebtorId IS NULL OR ..." would make the planner scan every row for one debtor.
    private static readonly string[] OneDebtor = [PaidSql, BalanceSql, CountsSql];
    private static readonly string[] EveryDebtor = [.. OneDebtor.Select(sql => sql.Replace(" AND debtor_id = @DebtorId", "", StringComparison.Ordinal))];

    public InsightsOptions Options => options.Value;

    public async Task<DebtorRisk?> ForDebtorAsync(string debtorId, DateOnly asOf, CancellationToken ct)
    {
        var debtor = await mediator.Send(new GetDebtorQuery(debtorId), ct);
        return debtor is null ? null : (await ScoreAsync([debtor], debtorId, asOf, ct)).Single();
    }

    public async Task<IReadOnlyList<DebtorRisk>> ForAllAsync(DateOnly asOf, CancellationToken ct) =>
        await ScoreAsync(await mediator.Send(new GetDebtorsQuery(), ct), null, asOf, ct);

    private async Task<IReadOnlyList<DebtorRisk>> ScoreAsync(IReadOnlyList<DebtorDto> debtors, string? debtorId, DateOnly asOf, CancellationToken ct)
    {
        var args = new { DebtorId = debtorId, AsOf = asOf, YearAgo = asOf.AddYears(-1) };
        var sql = debtorId is null ? EveryDebtor : OneDebtor;
        var paid = (await db.QueryAsync<PaidRow>(sql[0], args, ct)).ToLookup(r => r.DebtorId);
        var balances = (await db.QueryAsync<BalanceRow>(sql[1], args, ct)).ToLookup(r => r.DebtorId);
        var counts = (await db.QueryAsync<CountRow>(sql[2], args, ct)).ToDictionary(r => (r.DebtorId, r.Kind), r => (int)r.Count);
        int Count(string id, string kind) => counts.GetValueOrDefault((id, kind));
        var reporting = Currency.Of(rates.ReportingCurrency);

        return debtors.Select(d =>
        {
            var open = balances[d.Id].Select(b => OpenBalance.Of(b.Currency, b.BalanceMinor, b.OverdueMinor)).ToList();
            var inputs = new RiskInputs(
                d.Id, asOf,
                paid[d.Id].Select(p => new PaidInvoice(p.DueDate, p.PaidOn)).ToList(),
                open, new Money(d.CreditLimitMinor, Currency.Of(d.Currency)),
                Count(d.Id, "promise"), Count(d.Id, "plan"), Count(d.Id, "dispute"), Count(d.Id, "invoice"), Count(d.Id, "chargeback"));
            var owed = Exposure.InOrder(open.Select(o => o.Balance), Currency.Of(d.Currency)).ToList();
            return new DebtorRisk(d, RiskModel.Score(inputs, options.Value, rates), owed, Exposure.Of(owed, reporting, rates));
        }).ToList();
    }

    private sealed record PaidRow
    {
        public string DebtorId { get; init; } = "";
        public DateOnly DueDate { get; init; }
        public DateOnly PaidOn { get; init; }
    }

    private sealed record BalanceRow
    {
        public string DebtorId { get; init; } = "";
        public string Currency { get; init; } = "";
        public long BalanceMinor { get; init; }
        public long OverdueMinor { get; init; }
    }

    private sealed record CountRow
    {
        public string DebtorId { get; init; } = "";
        public string Kind { get; init; } = "";
        public long Count { get; init; }
    }
}
