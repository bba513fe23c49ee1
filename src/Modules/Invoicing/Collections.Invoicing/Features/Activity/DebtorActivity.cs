using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Invoicing.Features.Activity;

public sealed record ActivityEntry(string Id, string Type, string Summary, string? InvoiceId, string? DetailsJson, string Actor, DateTimeOffset OccurredAt);

internal sealed record GetDebtorActivityQuery(string DebtorId, string? Cursor, int? Limit) : IRequest<Page<ActivityEntry>>;

internal sealed class GetDebtorActivityValidator : AbstractValidator<GetDebtorActivityQuery>
{
    public GetDebtorActivityValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("The cursor is not valid.");
    }
}

/// <summary>
/// Newest first. Staff see everything. A debtor session sees only what concerns it as a customer, named here: its
/// invoices, payments, disputes, plans and promises, the messages it was sent. Everything else (holds and their reasons,
/// policies, call outcomes, escalations, write-offs, referrals, chargeback instructions to staff) stays internal, and so
/// does any type added later until it is listed.
/// </summary>
internal sealed class GetDebtorActivityHandler(DbSession db, DebtorReader debtors, CallerContext caller)
    : IRequestHandler<GetDebtorActivityQuery, Page<ActivityEntry>>
{
    public static readonly string[] DebtorVisibleTypes =
    [
        "portal.session_started", "portal.links_revoked", "portal.link_revoked",
        "invoice.created", "invoice.updated", "invoice.voided", "credit_note.issued", "late_fee.assessed", "late_fee.waived",
        "payment.received", "payment.refunded", "credit.applied",
        "dispute.opened", "dispute.message", "dispute.attachment", "dispute.under_review", "dispute.resolved", "dispute.withdrawn",
        "payment_plan.proposed", "payment_plan.activated", "payment_plan.approved", "payment_plan.rejected", "payment_plan.cancelled",
        "payment_plan.installment_late", "payment_plan.completed", "payment_plan.defaulted",
        "dunning.email", "dunning.letter", "dunning.letter_sent", "dunning.courtesy_queued",
        "dunning.promise", "dunning.promise_kept", "dunning.promise_broken",
    ];

    private const string PageSql = """
        SELECT id AS Id, activity_type AS Type, summary AS Summary, invoice_id AS InvoiceId, details_json AS DetailsJson, actor AS Actor, occurred_at AS OccurredAt
        FROM invoicing_activity
        WHERE debtor_id = @DebtorId AND (@Before = '' OR id < @Before) AND (@Everything = 1 OR activity_type IN @DebtorVisible)
        ORDER BY id DESC
        LIMIT @Take
        """;

    public async Task<Page<ActivityEntry>> Handle(GetDebtorActivityQuery query, CancellationToken cancellationToken)
    {
        if (!caller.Current.CanSee(query.DebtorId) || await debtors.FindAsync(query.DebtorId, cancellationToken) is null)
        {
            throw new NotFoundException("Debtor", query.DebtorId);
        }

        var limit = query.Limit ?? Cursor.DefaultLimit;
        var rows = await db.QueryAsync<ActivityEntry>(PageSql, new
        {
            query.DebtorId,
            Before = Cursor.Decode(query.Cursor),
            Everything = caller.Current.IsDebtor ? 0 : 1,
            DebtorVisible = DebtorVisibleTypes,
            Take = limit + 1,
        }, cancellationToken);
        var page = Cursor.ToPage(rows, limit, r => r.Id);
        return caller.Current switch
        {
            { IsDebtor: true } => page with { Items = page.Items.Select(e => e with { DetailsJson = null, Actor = "" }).ToList() },
            { IsStaff: true } => page,
            _ => page with { Items = page.Items.Select(e => e with { Summary = PortalTokens.Withhold(e.Summary)!, DetailsJson = PortalTokens.Withhold(e.DetailsJson) }).ToList() },
        };
    }
}

internal sealed class RecordActivityHandler(ActivityLog activity) : IRequestHandler<RecordActivityCommand, string>
{
    public Task<string> Handle(RecordActivityCommand request, CancellationToken cancellationToken) =>
        activity.AppendAsync(request.DebtorId, request.Type, request.Summary, request.InvoiceId, request.DetailsJson, cancellationToken);
}

internal sealed class GetDebtorActivityEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/debtors/{id}/activity", (string id, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetDebtorActivityQuery(id, cursor, limit), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetDebtorActivity")
            .WithSummary("Get a debtor's activity")
            .WithDescription("The debtor's append-only activity log, newest first.")
            .Produces<Page<ActivityEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
