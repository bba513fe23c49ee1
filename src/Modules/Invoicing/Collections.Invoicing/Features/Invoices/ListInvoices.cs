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

namespace Collections.Invoicing.Features.Invoices;

internal sealed record ListInvoicesQuery(string? DebtorId, string? Status, bool? Overdue, string? Cursor, int? Limit) : IRequest<Page<InvoiceResponse>>;

internal sealed class ListInvoicesValidator : AbstractValidator<ListInvoicesQuery>
{
    private static readonly string[] Statuses = ["open", "paid", "void", "written_off", "waived"];

    public ListInvoicesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("The cursor is not valid.");
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage($"The status must be one of: {string.Join(", ", Statuses)}.");
    }
}

/// <summary>Overdue is judged against today's date in UTC here; the single-invoice view uses the debtor's own date.</summary>
internal sealed class ListInvoicesHandler(DbSession db, InvoiceResponses responses, CallerContext caller, TimeProvider time)
    : IRequestHandler<ListInvoicesQuery, Page<InvoiceResponse>>
{
    private const string PageSql = "SELECT " + ReceivableRow.Columns + """
         FROM invoicing_receivables
        WHERE id > @After
          AND (@DebtorId IS NULL OR debtor_id = @DebtorId)
          AND (@Status IS NULL OR status = @Status)
          AND (@Overdue IS NULL OR (@Overdue = 1 AND status = 'open' AND due_date < @Today) OR (@Overdue = 0 AND NOT (status = 'open' AND due_date < @Today)))
        ORDER BY id
        LIMIT @Take
        """;

    public async Task<Page<InvoiceResponse>> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var debtorId = caller.Current.IsDebtor ? caller.Current.DebtorId : query.DebtorId;
        if (caller.Current.IsDebtor && query.DebtorId is not null && query.DebtorId != debtorId)
        {
            return new Page<InvoiceResponse>([], null);
        }

        var rows = await db.QueryAsync<ReceivableRow>(PageSql, new
        {
            After = Cursor.Decode(query.Cursor),
            DebtorId = debtorId,
            query.Status,
            Overdue = query.Overdue is null ? (int?)null : query.Overdue.Value ? 1 : 0,
            Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            Take = limit + 1,
        }, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => r.Id);
        return new Page<InvoiceResponse>(await responses.ForAsync(page.Items, cancellationToken), page.NextCursor);
    }
}

internal sealed class ListInvoicesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/invoices", (string? debtorId, string? status, bool? overdue, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListInvoicesQuery(debtorId, status, overdue, cursor, limit), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("ListInvoices")
            .WithSummary("List invoices")
            .WithDescription("Invoices and fee charges, filtered by debtor, status and overdue, in pages. A debtor session sees only its own.")
            .Produces<Page<InvoiceResponse>>()
            .ProducesValidationProblem();
}
