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

internal sealed record GetTrendQuery(int? Months, string? Currency) : IRequest<TrendResponse>;

public sealed record TrendResponse(string Currency, IReadOnlyList<InsightsFigures> Months);

internal sealed class GetTrendValidator : AbstractValidator<GetTrendQuery>
{
    public GetTrendValidator()
    {
        RuleFor(q => q.Currency).KnownCurrency();
        RuleFor(q => q.Months).InclusiveBetween(1, 36);
    }
}

internal sealed class GetTrendHandler(FigureReader figures, TimeProvider time) : IRequestHandler<GetTrendQuery, TrendResponse>
{
    public async Task<TrendResponse> Handle(GetTrendQuery query, CancellationToken cancellationToken)
    {
        var currency = Currency.Of(query.Currency!);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new TrendResponse(currency.Code, await figures.TrendAsync(currency, query.Months ?? 12, today, cancellationToken));
    }
}

internal sealed class GetTrendEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/insights/trend", (int? months, string? currency, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetTrendQuery(months, currency), ct))
            .RequireAuthorization(Policies.Erp)
            .WithName("GetInsightsTrend")
            .WithSummary("Get the monthly trend")
            .WithDescription("The summary's figures per calendar month (oldest first, the current month to date), for charts.")
            .Produces<TrendResponse>()
            .ProducesValidationProblem();
}
