using Collections.Disputes.Contracts;
using Collections.Insights.Domain;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Insights.Features.Rebuild;

internal sealed record RebuildReadModelCommand : ICommand<RebuildResponse>;

public sealed record RebuildResponse(int Debtors, int Items, int Payments, int Disputes, int Plans);

/// <summary>
/// Recomputes the read model from the source modules' queries, in one transaction. Promises, chargebacks, alerts
/// and risk bands are kept: no module exposes a query for them, so they are facts only the feed has seen.
/// Dates the queries do not expose are taken from the model being replaced (plan end dates) or, failing that,
/// set to the rebuild day (credit notes, write-offs and reversals not visible in any payment).
/// </summary>
internal sealed class RebuildReadModelHandler(DbSession db, IMediator mediator, InsightsStore store, RebuildWriter writer)
    : IRequestHandler<RebuildReadModelCommand, RebuildResponse>
{
    private const string PlanEndsSql = "SELECT id AS Id, ended_on AS EndedOn FROM insights_plans WHERE ended_on IS NOT NULL";

    private static readonly string[] ClearSql =
    [
        "DELETE FROM insights_movements",
        "DELETE FROM insights_items",
        "DELETE FROM insights_payments",
        "DELETE FROM insights_disputes",
        "DELETE FROM insights_plans",
    ];

    public async Task<RebuildResponse> Handle(RebuildReadModelCommand command, CancellationToken cancellationToken)
    {
        var planEnds = (await db.QueryAsync<PlanEnd>(PlanEndsSql, ct: cancellationToken)).ToDictionary(p => p.Id, p => p.EndedOn);
        foreach (var sql in ClearSql)
        {
            await db.ExecuteAsync(sql, ct: cancellationToken);
        }

        var debtors = await mediator.Send(new GetDebtorsQuery(), cancellationToken);
        var items = (await mediator.Send(new GetAllOpenItemsQuery(), cancellationToken)).ToDictionary(i => i.Id);
        var payments = await mediator.Send(new GetPaymentsQuery(), cancellationToken);
        foreach (var itemId in payments.SelectMany(p => p.Allocations).Select(a => a.ItemId).Distinct().Where(id => !items.ContainsKey(id)).ToList())
        {
            if (await mediator.Send(new GetReceivableQuery(itemId), cancellationToken) is { } closed)
            {
                items[itemId] = closed;
            }
        }

        foreach (var item in items.Values)
        {
            await writer.WriteItemAsync(item, payments, store.Today, cancellationToken);
        }

        foreach (var payment in payments)
        {
            await store.AddPaymentAsync(payment.Id, payment.DebtorId, payment.Currency, payment.AmountMinor, payment.RefundedMinor, payment.ReceivedOn, cancellationToken);
        }

        var disputes = 0;
        var plans = 0;
        foreach (var debtor in debtors)
        {
            foreach (var dispute in await mediator.Send(new GetDisputesQuery(debtor.Id), cancellationToken))
            {
                await writer.WriteDisputeAsync(dispute, cancellationToken);
                disputes++;
            }

            foreach (var plan in await mediator.Send(new GetPlansQuery(debtor.Id), cancellationToken))
            {
                plans += await writer.WritePlanAsync(plan, planEnds.GetValueOrDefault(plan.Id), store.Today, cancellationToken);
            }
        }

        return new RebuildResponse(debtors.Count, items.Count, payments.Count, disputes, plans);
    }

    private sealed record PlanEnd
    {
        public string Id { get; init; } = "";
        public DateOnly EndedOn { get; init; }
    }
}

internal sealed class RebuildReadModelEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/insights/rebuild", (IMediator mediator, CancellationToken ct) => mediator.Send(new RebuildReadModelCommand(), ct))
            .RequireAuthorization(Policies.Admin)
            .WithoutIdempotencyKey("The rebuild derives the read model from the modules: a repeat gives the same result.")
            .WithName("RebuildInsights")
            .WithSummary("Rebuild insights")
            .WithDescription("Rebuilds the Insights read model from the other modules' queries (admin).")
            .Produces<RebuildResponse>();
}
