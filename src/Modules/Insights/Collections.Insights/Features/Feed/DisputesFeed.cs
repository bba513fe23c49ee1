using Collections.Disputes.Contracts;
using Collections.Insights.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Insights.Features.Feed;

internal sealed class DisputeOpenedFeed(DbSession db, DebtorSignals signals) : INotificationHandler<DisputeOpened>
{
    private const string InsertSql = """
        INSERT INTO insights_disputes (id, debtor_id, invoice_id, currency, disputed_minor, status, outcome, opened_on, closed_on)
        SELECT @DisputeId, @DebtorId, @InvoiceId, @Currency, @DisputedMinor, 'open', NULL, @OpenedOn, NULL
        WHERE NOT EXISTS (SELECT 1 FROM insights_disputes WHERE id = @DisputeId)
        """;

    public async Task Handle(DisputeOpened n, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(InsertSql, new { n.DisputeId, n.DebtorId, n.InvoiceId, n.Currency, n.DisputedMinor, OpenedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
        await signals.RefreshBandAsync(n.DebtorId, cancellationToken);
    }
}

internal sealed class DisputeResolvedFeed(DbSession db) : INotificationHandler<DisputeResolved>
{
    public Task Handle(DisputeResolved n, CancellationToken cancellationToken) =>
        db.ExecuteAsync(DisputeClosing.CloseSql, new { n.DisputeId, Status = DisputeStatuses.Resolved, n.Outcome, ClosedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
}

internal sealed class DisputeWithdrawnFeed(DbSession db) : INotificationHandler<DisputeWithdrawn>
{
    public Task Handle(DisputeWithdrawn n, CancellationToken cancellationToken) =>
        db.ExecuteAsync(DisputeClosing.CloseSql, new { n.DisputeId, Status = DisputeStatuses.Withdrawn, Outcome = (string?)null, ClosedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
}

internal static class DisputeClosing
{
    public const string CloseSql = """
        UPDATE insights_disputes SET status = @Status, outcome = @Outcome, closed_on = @ClosedOn WHERE id = @DisputeId AND closed_on IS NULL
        """;
}
