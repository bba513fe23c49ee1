using Collections.Invoicing.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Invoicing.Features.Debtors;

internal sealed record ListDebtorsQuery(string? Search, string? Cursor, int? Limit) : IRequest<Page<DebtorResponse>>;

internal sealed class ListDebtorsValidator : AbstractValidator<ListDebtorsQuery>
{
    public ListDebtorsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => SharedKernel.Cursor.TryDecode(c, out _)).WithMessage("The cursor is not valid.");
        RuleFor(q => q.Search).MaximumLength(200);
    }
}

internal sealed class ListDebtorsHandler(DbSession db, DebtorReader debtors) : IRequestHandler<ListDebtorsQuery, Page<DebtorResponse>>
{
    private const string PageSql = "SELECT " + DebtorRow.Columns + """
         FROM invoicing_debtors
        WHERE id > @After AND (@Pattern IS NULL OR search_name LIKE @Pattern ESCAPE '\' OR external_id = @Search)
        ORDER BY id
        LIMIT @Take
        """;

    public async Task<Page<DebtorResponse>> Handle(ListDebtorsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var pattern = search is null ? null : "%" + search.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var rows = await db.QueryAsync<DebtorRow>(PageSql, new { After = Cursor.Decode(query.Cursor), Pattern = pattern, Search = search, Take = limit + 1 }, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => r.Id);
        var contacts = await debtors.ContactsOfAsync(page.Items.Select(r => r.Id).ToList(), cancellationToken);
        return new Page<DebtorResponse>(page.Items.Select(row => DebtorResponse.From(row, contacts[row.Id].ToList())).ToList(), page.NextCursor);
    }
}

internal sealed class ListDebtorsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/debtors", (string? search, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListDebtorsQuery(search, cursor, limit), ct))
            .RequireAuthorization(Policies.Erp)
            .WithName("ListDebtors")
            .WithSummary("List debtors")
            .WithDescription("Debtors, filtered by a name fragment or exact external id, in pages.")
            .Produces<Page<DebtorResponse>>()
            .ProducesValidationProblem();
}
