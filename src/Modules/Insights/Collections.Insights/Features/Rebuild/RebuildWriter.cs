using Collections.Disputes.Contracts;
using Collections.Insights.Domain;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;

namespace Collections.Insights.Features.Rebuild;

/// <summary>Writes the rows the feed would have written for one source record.</summary>
internal sealed class RebuildWriter(DbSession db, InsightsStore store)
{
    private const string InsertDisputeSql = """
        INSERT INTO insights_disputes (id, debtor_id, invoice_id, currency, disputed_minor, status, outcome, opened_on, closed_on)
        VALUES (@Id, @DebtorId, @InvoiceId, @Currency, @DisputedMinor, @Status, @Outcome, @OpenedOn, @ClosedOn)
        """;

    private const string InsertPlanSql = """
        INSERT INTO insights_plans (id, debtor_id, currency, total_minor, status, started_on, ended_on)
        VALUES (@Id, @DebtorId, @Currency, @TotalMinor, @Status, @StartedOn, @EndedOn)
        """;

    public async Task WriteItemAsync(ReceivableDto item, IReadOnlyList<PaymentSummaryDto> payments, DateOnly today, CancellationToken ct)
    {
        var allocations = payments
            .SelectMany(p => p.Allocations.Where(a => a.ItemId == item.Id).Select(a => (p.Id, p.ReceivedOn, Minor: a.AmountMinor + a.DiscountMinor)))
            .ToList();
        var paidOn = item.BalanceMinor == 0 && item.Status == InvoiceStatuses.Paid && allocations.Count > 0 ? allocations.Max(a => a.ReceivedOn) : (DateOnly?)null;
        var row = new ItemRow
        {
            Id = item.Id,
            Kind = item.Kind,
            DebtorId = item.DebtorId,
            Currency = item.Currency,
            IssueDate = item.IssueDate,
            DueDate = item.DueDate,
            TotalMinor = item.TotalMinor,
            BalanceMinor = item.BalanceMinor,
            Status = item.Status,
            PaidOn = paidOn,
        };
        await store.InsertItemAsync(row, ct);
        if (item.Kind != ItemKinds.Invoice)
        {
            return;
        }

        await store.AddMovementAsync(row, item.IssueDate, MovementReasons.Sale, null, item.TotalMinor, ct);
        foreach (var (paymentId, receivedOn, minor) in allocations)
        {
            await store.AddMovementAsync(row, receivedOn, "allocation", paymentId, -minor, ct);
        }

        var residual = item.BalanceMinor - (item.TotalMinor - allocations.Sum(a => a.Minor));
        if (residual != 0)
        {
            var isVoid = item.Status == InvoiceStatuses.Void;
            await store.AddMovementAsync(row, isVoid ? item.IssueDate : today, isVoid ? "void" : "rebuild", null, residual, ct);
        }
    }

    public Task WriteDisputeAsync(DisputeSummaryDto d, CancellationToken ct) =>
        db.ExecuteAsync(InsertDisputeSql, new
        {
            d.Id,
            d.DebtorId,
            d.InvoiceId,
            d.Currency,
            d.DisputedMinor,
            Status = d.Status is DisputeStatuses.Resolved or DisputeStatuses.Withdrawn ? d.Status : "open",
            d.Outcome,
            OpenedOn = InsightsStore.DayOf(d.OpenedAt),
            ClosedOn = d.ClosedAt is { } closed ? InsightsStore.DayOf(closed) : (DateOnly?)null,
        }, ct);

    /// <summary>Only plans that were activated count (proposed and rejected ones never ran).</summary>
    public async Task<int> WritePlanAsync(PaymentPlanSummaryDto p, DateOnly? knownEnd, DateOnly today, CancellationToken ct)
    {
        if (p.Status is PaymentPlanStatuses.Proposed or PaymentPlanStatuses.Rejected)
        {
            return 0;
        }

        var ended = p.Status != PaymentPlanStatuses.Active;
        await db.ExecuteAsync(InsertPlanSql, new
        {
            p.Id,
            p.DebtorId,
            p.Currency,
            p.TotalMinor,
            p.Status,
            StartedOn = InsightsStore.DayOf(p.CreatedAt),
            EndedOn = ended ? knownEnd ?? today : (DateOnly?)null,
        }, ct);
        return 1;
    }
}
