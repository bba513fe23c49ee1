using Collections.Dunning.Contracts;
using Collections.Insights.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Insights.Features.Feed;

/// <summary>Promises to pay: the promise-kept rate and the broken-commitments factor. Reminders and escalations change no figure.</summary>
internal sealed class PromiseToPayMadeFeed(DbSession db) : INotificationHandler<PromiseToPayMade>
{
    private const string InsertSql = """
        INSERT INTO insights_promises (id, debtor_id, currency, amount_minor, promised_for, status, resolved_on)
        SELECT @PromiseId, @DebtorId, @Currency, @AmountMinor, @PromisedFor, 'open', NULL
        WHERE NOT EXISTS (SELECT 1 FROM insights_promises WHERE id = @PromiseId)
        """;

    public Task Handle(PromiseToPayMade n, CancellationToken cancellationToken) =>
        db.ExecuteAsync(InsertSql, new { n.PromiseId, n.DebtorId, n.Currency, n.AmountMinor, n.PromisedFor }, cancellationToken);
}

internal sealed class PromiseToPayKeptFeed(DbSession db) : INotificationHandler<PromiseToPayKept>
{
    public Task Handle(PromiseToPayKept n, CancellationToken cancellationToken) =>
        db.ExecuteAsync(PromiseOutcome.ResolveSql, new { n.PromiseId, Status = "kept", ResolvedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
}

internal sealed class PromiseToPayBrokenFeed(DbSession db, AlertBook alerts, DebtorSignals signals) : INotificationHandler<PromiseToPayBroken>
{
    public async Task Handle(PromiseToPayBroken n, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(PromiseOutcome.ResolveSql, new { n.PromiseId, Status = "broken", ResolvedOn = InsightsStore.DayOf(n.At) }, cancellationToken);
        await alerts.RaiseAsync(AlertTypes.PromiseBroken, n.PromiseId, n.DebtorId,
            FormattableString.Invariant($"Promise to pay {n.PromiseId} was broken: {new Money(n.ShortMinor, Currency.Of(n.Currency))} short."), cancellationToken);
        await signals.RefreshBandAsync(n.DebtorId, cancellationToken);
    }
}

internal static class PromiseOutcome
{
    public const string ResolveSql = "UPDATE insights_promises SET status = @Status, resolved_on = @ResolvedOn WHERE id = @PromiseId AND status = 'open'";
}
