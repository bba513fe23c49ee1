using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.PaymentPlans.Features.Plans;

internal sealed record ListPaymentPlansQuery(string? DebtorId, string? Status, string? Cursor, int? Limit) : IRequest<Page<PaymentPlanResponse>>;

internal sealed class ListPaymentPlansValidator : AbstractValidator<ListPaymentPlansQuery>
{
    private static readonly string[] Statuses =
    [
        PaymentPlanStatuses.Proposed, PaymentPlanStatuses.Active, PaymentPlanStatuses.Completed,
        PaymentPlanStatuses.Defaulted, PaymentPlanStatuses.Cancelled, PaymentPlanStatuses.Rejected,
    ];

    public ListPaymentPlansValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("The cursor is not valid.");
        RuleFor(q => q.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage($"The status must be one of: {string.Join(", ", Statuses)}.");
    }
}

/// <summary>A debtor session lists its own plans only, whatever debtorId it passes.</summary>
internal sealed class ListPaymentPlansHandler(DbSession db, PlanStore store, CallerContext caller) : IRequestHandler<ListPaymentPlansQuery, Page<PaymentPlanResponse>>
{
    private const string PageSql = """
        SELECT id FROM paymentplans_plans
        WHERE id > @After AND (@DebtorId IS NULL OR debtor_id = @DebtorId) AND (@Status IS NULL OR status = @Status)
        ORDER BY id
        LIMIT @Take
        """;

    public async Task<Page<PaymentPlanResponse>> Handle(ListPaymentPlansQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        var debtorId = caller.Current.IsDebtor ? caller.Current.DebtorId : query.DebtorId;
        if (caller.Current.IsDebtor && query.DebtorId is not null && query.DebtorId != debtorId)
        {
            return new Page<PaymentPlanResponse>([], null);
        }

        var ids = await db.QueryAsync<string>(PageSql, new { After = Cursor.Decode(query.Cursor), DebtorId = debtorId, query.Status, Take = limit + 1 }, cancellationToken);
        var page = Cursor.ToPage(ids, limit, id => id);
        var plans = await store.FindManyAsync(page.Items, cancellationToken);
        return new Page<PaymentPlanResponse>(plans.Select(PaymentPlanResponse.From).ToList(), page.NextCursor);
    }
}

internal sealed class ListPaymentPlansEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payment-plans", (string? debtorId, string? status, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListPaymentPlansQuery(debtorId, status, cursor, limit), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("ListPaymentPlans")
            .WithSummary("List payment plans")
            .WithDescription("Plans, oldest first, filtered by debtor and status; cursor paging.")
            .Produces<Page<PaymentPlanResponse>>()
            .ProducesValidationProblem();
}
