using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Payments.Features.BankStatements;

internal sealed record ListUnmatchedLinesQuery(string? Cursor, int? Limit) : IRequest<Page<BankStatementLineResponse>>;

internal sealed class ListUnmatchedLinesValidator : AbstractValidator<ListUnmatchedLinesQuery>
{
    public ListUnmatchedLinesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("The cursor is not valid.");
    }
}

/// <summary>The lines staff must decide (credits no rule matched, returns of nothing booked), oldest first.</summary>
internal sealed class ListUnmatchedLinesHandler(DbSession db) : IRequestHandler<ListUnmatchedLinesQuery, Page<BankStatementLineResponse>>
{
    private const string PageSql = "SELECT " + BankLineRow.Columns + """
         FROM payments_bank_lines
        WHERE status = 'unmatched' AND id > @After
        ORDER BY id
        LIMIT @Take
        """;

    public async Task<Page<BankStatementLineResponse>> Handle(ListUnmatchedLinesQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await db.QueryAsync<BankLineRow>(PageSql, new { After = Cursor.Decode(query.Cursor), Take = limit + 1 }, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => r.Id);
        return new Page<BankStatementLineResponse>(page.Items.Select(r => r.ToResponse()).ToList(), page.NextCursor);
    }
}

internal sealed class ListUnmatchedLinesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/bank-statements/unmatched", (string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListUnmatchedLinesQuery(cursor, limit), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("ListUnmatchedBankStatementLines")
            .WithSummary("List unmatched statement lines")
            .WithDescription("Statement lines no rule matched, oldest first, each with a note saying what the matching found: match one to a debtor "
                + "(POST /bank-statements/lines/{lineId}/match) or ignore it. Page with nextCursor.")
            .Produces<Page<BankStatementLineResponse>>()
            .ProducesValidationProblem();
}
