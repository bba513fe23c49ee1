using System.Globalization;
using Collections.Insights.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Insights.Features.Risk;

internal sealed record ListRiskQuery(string? Band, string? Cursor, int? Limit) : IRequest<Page<RiskListItem>>;

/// <param name="Exposure">What the debtor owes, in the reporting currency at the indicative rates, of the currencies that have one.</param>
/// <param name="NotConverted">What it owes in currencies without an indicative rate: not in the exposure or the priority.</param>
public sealed record RiskListItem(string DebtorId, string Name, decimal Score, string Band, MoneyDto Exposure, IReadOnlyList<MoneyDto> NotConverted, decimal Priority, RiskFactor? MainFactor);

internal sealed class ListRiskValidator : AbstractValidator<ListRiskQuery>
{
    private static readonly string[] Bands = ["low", "medium", "high"];

    public ListRiskValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Band).Must(b => b is null || Bands.Contains(b)).WithMessage("The band must be one of: low, medium, high.");
        RuleFor(q => q.Cursor).Must(c => Cursor.TryDecode(c, out var key) && (key.Length == 0 || int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            .WithMessage("The cursor is not valid.");
    }
}

/// <summary>
/// Priority = score × exposure in major units of the reporting currency, so a risky debtor owing little ranks below a
/// fairly risky one owing much, whatever currencies each owes in: every currency is converted at its indicative rate
/// (`Collections:FxRates`); one without a rate adds nothing and is listed as not converted, never counted one to one.
/// </summary>
internal sealed class ListRiskHandler(RiskReader risk, TimeProvider time) : IRequestHandler<ListRiskQuery, Page<RiskListItem>>
{
    public async Task<Page<RiskListItem>> Handle(ListRiskQuery query, CancellationToken cancellationToken)
    {
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var ranked = (await risk.ForAllAsync(asOf, cancellationToken))
            .Where(d => query.Band is null || d.Risk.Band == query.Band)
            .Select(d =>
            {
                var exposure = d.Exposure.Total.ToDto();
                var main = d.Risk.Factors.Where(f => f.Contribution > 0).OrderByDescending(f => f.Contribution).FirstOrDefault();
                return new RiskListItem(d.Debtor.Id, d.Debtor.Name, d.Risk.Score, d.Risk.Band, exposure, d.Exposure.NotConverted.Select(m => m.ToDto()).ToList(),
                    d.Risk.Score * exposure.Amount, main);
            })
            .OrderByDescending(i => i.Priority).ThenByDescending(i => i.Score).ThenBy(i => i.DebtorId, StringComparer.Ordinal)
            .ToList();
        var offset = Cursor.Decode(query.Cursor) is { Length: > 0 } key ? int.Parse(key, CultureInfo.InvariantCulture) : 0;
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var items = ranked.Skip(offset).Take(limit).ToList();
        var next = offset + limit < ranked.Count ? Cursor.Encode((offset + limit).ToString(CultureInfo.InvariantCulture)) : null;
        return new Page<RiskListItem>(items, next);
    }
}

internal sealed class ListRiskEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/insights/risk", (string? band, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListRiskQuery(band, cursor, limit), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListDebtorRisk")
            .WithSummary("Rank debtors by risk")
            .WithDescription("Debtors ranked by risk score × exposure, optionally of one band, each with its main factor. Staff only.")
            .Produces<Page<RiskListItem>>()
            .ProducesValidationProblem();
}
