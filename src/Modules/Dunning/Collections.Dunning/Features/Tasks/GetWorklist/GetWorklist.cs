using Collections.Disputes.Contracts;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Tasks;

public sealed record WorklistContact(string Name, string? Phone, string? Email, string Role);

public sealed record WorklistItem(
    TaskResponse Task, string DebtorName, WorklistContact? Contact, DateTimeOffset LocalTime, string TimeZone,
    long Priority, IReadOnlyList<MoneyDto> Overdue, int DaysOverdue, IReadOnlyList<string> TalkingPoints);

internal sealed record GetWorklistQuery(int Limit) : IRequest<IReadOnlyList<WorklistItem>>;

/// <summary>
/// Open tasks by priority: overdue amount × days overdue × the segment's risk factor, the amounts of several currencies
/// ranked in the reporting currency at the indicative rates (`Collections:FxRates`).
/// </summary>
internal sealed class GetWorklistHandler(DbSession db, IMediator mediator, PromiseHistory promises, TimeProvider time, DunningOptions options) : IRequestHandler<GetWorklistQuery, IReadOnlyList<WorklistItem>>
{
    private const string OpenSql = "SELECT " + TaskRow.Columns + " FROM dunning_tasks WHERE status = 'open'";

    public async Task<IReadOnlyList<WorklistItem>> Handle(GetWorklistQuery request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = new List<WorklistItem>();
        foreach (var byDebtor in (await db.QueryAsync<TaskRow>(OpenSql, ct: cancellationToken)).GroupBy(t => t.DebtorId))
        {
            if (await mediator.Send(new GetDebtorQuery(byDebtor.Key), cancellationToken) is not { } debtor)
            {
                continue;
            }

            var zone = ContactWindow.Zone(debtor.TimeZone);
            var today = ContactWindow.LocalDate(now, zone);
            var overdue = (await mediator.Send(new GetOpenItemsQuery(debtor.Id), cancellationToken)).Where(i => i.DueDate < today && i.CollectibleMinor > 0).ToList();
            var days = overdue.Count == 0 ? 0 : overdue.Max(i => today.DayNumber - i.DueDate.DayNumber);
            var totals = overdue.GroupBy(i => i.Currency).Select(g => MoneyDto.Of(g.Sum(i => i.CollectibleMinor), g.Key)).ToList();
            var priority = overdue.Sum(i => options.Rates.ToReportingMinor(i.CollectibleMinor, i.Currency)) * days * RiskPercent(debtor.Segment) / 100;
            var points = new List<string>();
            points.AddRange(overdue.Select(i => $"Invoice {i.Number} (PO {i.PoNumber ?? "-"}): {MessageComposer.Amount(i.CollectibleMinor, i.Currency)} overdue since {MessageComposer.Date(i.DueDate)}."));
            points.AddRange((await mediator.Send(new GetOpenDisputesQuery(debtor.Id), cancellationToken))
                .Select(d => $"Open dispute {d.Number} on {d.InvoiceId}: {MessageComposer.Amount(d.DisputedMinor, d.Currency)} ({d.Category}, {d.Status})."));
            points.AddRange((await mediator.Send(new GetActivePlansQuery(debtor.Id), cancellationToken))
                .Select(p => $"Active payment plan {p.Id}: {MessageComposer.Amount(p.PaidMinor, p.Currency)} of {MessageComposer.Amount(p.TotalMinor, p.Currency)} paid{(p.NextDueDate is { } d ? $", next installment {MessageComposer.Date(d)}" : "")}."));
            points.AddRange(await promises.SummaryAsync(debtor.Id, cancellationToken));
            foreach (var task in byDebtor)
            {
                var contact = ContactFor(debtor, task.Action);
                items.Add(new WorklistItem(TaskResponse.From(task), debtor.Name,
                    contact is null ? null : new WorklistContact(contact.Name, contact.Phone, contact.Email, contact.Role),
                    TimeZoneInfo.ConvertTime(now, zone), debtor.TimeZone, priority, totals, days, [task.Reason, .. points]));
            }
        }

        return items.OrderByDescending(i => i.Priority).ThenBy(i => i.Task.CreatedAt).Take(request.Limit).ToList();
    }

    private static long RiskPercent(string segment) => segment switch
    {
        "high_risk" => 150,
        "strategic" => 80,
        _ => 100,
    };

    /// <summary>A senior call goes to finance, then the executive; every other call to the primary contact.</summary>
    private static ContactDto? ContactFor(DebtorDto debtor, string action)
    {
        var order = action == StepActions.AssignSenior ? new[] { "finance", "executive" } : [];
        return order.Select(role => debtor.Contacts.FirstOrDefault(c => c.Role == role)).FirstOrDefault(c => c is not null)
            ?? debtor.Contacts.FirstOrDefault(c => c.IsPrimary)
            ?? debtor.Contacts.FirstOrDefault();
    }
}

internal sealed class GetWorklistEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/worklist", (IMediator mediator, CancellationToken ct, int? limit) =>
                mediator.Send(new GetWorklistQuery(Math.Clamp(limit ?? 50, 1, 500)), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("GetWorklist")
            .WithSummary("Get the worklist")
            .WithDescription("The collector's call list: open call tasks and proposals, highest priority first, with contact, local time and talking points.")
            .Produces<IReadOnlyList<WorklistItem>>();
}
