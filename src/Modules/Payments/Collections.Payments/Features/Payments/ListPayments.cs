using Collections.Payments.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Payments.Features.Payments;

internal sealed record ListPaymentsQuery(string? DebtorId, DateTimeOffset? Since, string? Cursor, int? Limit) : IRequest<Page<PaymentResponse>>;

internal sealed class ListPaymentsValidator : AbstractValidator<ListPaymentsQuery>
{
    public ListPaymentsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("The cursor is not valid.");
    }
}

/// <summary>A change feed: payments in the order they were recorded (ids are time-ordered), resumable by cursor.</summary>
internal sealed class ListPaymentsHandler(DbSession db, PaymentBook book, CallerContext caller) : IRequestHandler<ListPaymentsQuery, Page<PaymentResponse>>
{
    private const string PageSql = "SELECT " + PaymentRow.Columns + """
         FROM payments_payments
        WHERE id > @After
          AND (@DebtorId IS NULL OR debtor_id = @DebtorId)
          AND (@Since IS NULL OR recorded_at >= @Since)
        ORDER BY id
        LIMIT @Take
        """;

    public async Task<Page<PaymentResponse>> Handle(ListPaymentsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var debtorId = caller.Current.IsDebtor ? caller.Current.DebtorId : query.DebtorId;
        if (caller.Current.IsDebtor && query.DebtorId is not null && query.DebtorId != debtorId)
        {
            return new Page<PaymentResponse>([], null);
        }

        var rows = await db.QueryAsync<PaymentRow>(PageSql, new { After = Cursor.Decode(query.Cursor), DebtorId = debtorId, Since = query.Since?.ToUniversalTime(), Take = limit + 1 }, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => r.Id);
        return new Page<PaymentResponse>(await book.ResponsesAsync(page.Items, cancellationToken), page.NextCursor);
    }
}

internal sealed class ListPaymentsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payments", (string? debtorId, DateTimeOffset? since, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListPaymentsQuery(debtorId, since, cursor, limit), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("ListPayments")
            .WithSummary("List payments")
            .WithDescription("Payments in the order they were recorded, optionally of one debtor and since an instant; poll with the cursor for cash application.")
            .Produces<Page<PaymentResponse>>()
            .ProducesValidationProblem();
}
