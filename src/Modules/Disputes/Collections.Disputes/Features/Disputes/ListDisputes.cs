using Collections.Disputes.Contracts;
using Collections.Disputes.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Disputes.Features.Disputes;

public sealed record DisputeListItem(
    string Id, string Number, string DebtorId, string InvoiceId, string InvoiceNumber, string Status, string Reason, MoneyDto Disputed,
    string? Outcome, string? Assignee, DateTimeOffset OpenedAt, DateOnly DueBy, bool Overdue, DateTimeOffset? ClosedAt);

internal sealed record ListDisputesQuery(string? Status, string? DebtorId, bool? Overdue, string? Cursor, int? Limit) : IRequest<Page<DisputeListItem>>;

internal sealed class ListDisputesValidator : AbstractValidator<ListDisputesQuery>
{
    private static readonly string[] Statuses = [DisputeStatuses.Open, DisputeStatuses.UnderReview, DisputeStatuses.Resolved, DisputeStatuses.Withdrawn];

    public ListDisputesValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("The cursor is not valid.");
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage($"The status must be one of: {string.Join(", ", Statuses)}.");
    }
}

/// <summary>Overdue: still open or under review after its response deadline (judged on today's UTC date).</summary>
internal sealed class ListDisputesHandler(DbSession db, DisputeStore store) : IRequestHandler<ListDisputesQuery, Page<DisputeListItem>>
{
    private const string PageSql = "SELECT " + DisputeRow.Columns + """
         FROM disputes_disputes
        WHERE id > @After
          AND (@DebtorId IS NULL OR debtor_id = @DebtorId)
          AND (@Status IS NULL OR status = @Status)
          AND (@Overdue IS NULL
               OR (@Overdue = 1 AND status IN ('open', 'under_review') AND due_by < @Today)
               OR (@Overdue = 0 AND NOT (status IN ('open', 'under_review') AND due_by < @Today)))
        ORDER BY id
        LIMIT @Take
        """;

    public async Task<Page<DisputeListItem>> Handle(ListDisputesQuery query, CancellationToken cancellationToken)
    {
        var caller = store.Caller;
        if (caller.IsDebtor && query.DebtorId is not null && query.DebtorId != caller.DebtorId)
        {
            return new Page<DisputeListItem>([], null);
        }

        var limit = query.Limit ?? Cursor.DefaultLimit;
        var today = store.Today;
        var rows = await db.QueryAsync<DisputeRow>(PageSql, new
        {
            After = Cursor.Decode(query.Cursor),
            DebtorId = caller.IsDebtor ? caller.DebtorId : query.DebtorId,
            query.Status,
            Overdue = query.Overdue is null ? (int?)null : query.Overdue.Value ? 1 : 0,
            Today = today,
            Take = limit + 1,
        }, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => r.Id);
        return new Page<DisputeListItem>(page.Items.Select(r => new DisputeListItem(
            r.Id, r.Number, r.DebtorId, r.InvoiceId, r.InvoiceNumber, r.Status, r.Category, MoneyDto.Of(r.DisputedMinor, r.Currency),
            r.Outcome, r.Assignee, r.OpenedAt, r.DueBy, r.IsOverdue(today), r.ClosedAt)).ToList(), page.NextCursor);
    }
}

internal sealed class ListDisputesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/disputes", (string? status, string? debtorId, bool? overdue, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListDisputesQuery(status, debtorId, overdue, cursor, limit), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("ListDisputes")
            .WithSummary("List disputes")
            .WithDescription("Disputes by status, debtor and overdue (past the response deadline), in pages. A debtor session sees only its own.")
            .Produces<Page<DisputeListItem>>()
            .ProducesValidationProblem();
}
