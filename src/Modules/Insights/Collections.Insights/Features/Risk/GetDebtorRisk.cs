using Collections.Insights.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Insights.Features.Risk;

internal sealed record GetDebtorRiskQuery(string DebtorId) : IRequest<DebtorRiskResponse>;

/// <param name="Exposure">What the debtor owes, in the reporting currency at the indicative rates (`Collections:FxRates`), of the currencies that have one.</param>
/// <param name="Open">What the debtor owes in each currency, exactly.</param>
/// <param name="NotConverted">What the debtor owes in currencies without an indicative rate: not in the exposure, and named in the factors.</param>
public sealed record DebtorRiskResponse(
    string DebtorId, string Name, decimal Score, string Band, MoneyDto Exposure, IReadOnlyList<MoneyDto> Open, IReadOnlyList<MoneyDto> NotConverted,
    DateOnly AsOf, IReadOnlyList<RiskFactor> Factors);

internal sealed class GetDebtorRiskHandler(RiskReader risk, TimeProvider time) : IRequestHandler<GetDebtorRiskQuery, DebtorRiskResponse>
{
    public async Task<DebtorRiskResponse> Handle(GetDebtorRiskQuery query, CancellationToken cancellationToken)
    {
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var scored = await risk.ForDebtorAsync(query.DebtorId, asOf, cancellationToken) ?? throw new NotFoundException("Debtor", query.DebtorId);
        return DebtorRiskMapping.ToResponse(scored, asOf);
    }
}

internal static class DebtorRiskMapping
{
    public static DebtorRiskResponse ToResponse(DebtorRisk scored, DateOnly asOf) =>
        new(scored.Debtor.Id, scored.Debtor.Name, scored.Risk.Score, scored.Risk.Band, scored.Exposure.Total.ToDto(),
            scored.Open.Select(m => m.ToDto()).ToList(), scored.Exposure.NotConverted.Select(m => m.ToDto()).ToList(), asOf, scored.Risk.Factors);
}

internal sealed class GetDebtorRiskEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/insights/debtors/{id}/risk", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetDebtorRiskQuery(id), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("GetDebtorRisk")
            .WithSummary("Get a debtor's risk")
            .WithDescription("The debtor's risk score (0–100), band and every factor with its value, contribution and a plain-words explanation. Staff only.")
            .Produces<DebtorRiskResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
