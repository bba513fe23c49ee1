using Collections.Insights.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Insights.Features.Figures;

internal sealed record GetSummaryQuery(DateOnly? From, DateOnly? To, string? Currency) : IRequest<InsightsFigures>;

internal sealed class GetSummaryValidator : AbstractValidator<GetSummaryQuery>
{
    public GetSummaryValidator()
    {
        RuleFor(q => q.Currency).KnownCurrency();
        RuleFor(q => q.From).Must((q, from) => from is null || q.To is null || from <= q.To).WithMessage("'from' must not be after 'to'.");
        RuleFor(q => q.From).Must((q, from) => from is null || q.To is null || q.To.Value.DayNumber - from.Value.DayNumber < 3 * 366)
            .WithMessage("The period may span at most 3 years.");
    }
}

/// <summary>Defaults: `to` is today (UTC), `from` the first day of that month.</summary>
internal sealed class GetSummaryHandler(FigureReader figures, TimeProvider time) : IRequestHandler<GetSummaryQuery, InsightsFigures>
{
    public async Task<InsightsFigures> Handle(GetSummaryQuery query, CancellationToken cancellationToken)
    {
        var to = query.To ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = query.From ?? new DateOnly(to.Year, to.Month, 1);
        if (from > to)
        {
            from = new DateOnly(to.Year, to.Month, 1);
        }

        return await figures.SummaryAsync(Currency.Of(query.Currency!), from, to, cancellationToken);
    }
}

internal sealed class GetSummaryEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/insights/summary", (DateOnly? from, DateOnly? to, string? currency, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetSummaryQuery(from, to, currency), ct))
            .RequireAuthorization(Policies.Erp)
            .WithName("GetInsightsSummary")
            .WithSummary("Get the insights summary")
            .WithDescription("Receivables, overdue, disputed, DSO (standard and countback), best possible DSO, average days delinquent, CEI, promise-kept and plan-default rates, disputes and cash collected for a period in one currency.")
            .Produces<InsightsFigures>()
            .ProducesValidationProblem();
}
