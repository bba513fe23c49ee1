using Collections.Invoicing.Contracts;
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

/// <summary>
/// A page of the change feed. NextCursor: the next page, null once caught up. ResumeCursor: always set; poll with it later
/// to get what changed since (docs/payments.md, "The change feed").
/// </summary>
public sealed record PaymentFeedPage(IReadOnlyList<PaymentResponse> Items, string? NextCursor, string ResumeCursor);

internal sealed record ListPaymentsQuery(string? DebtorId, DateTimeOffset? Since, string? Cursor, int? Limit) : IRequest<PaymentFeedPage>;

internal sealed class ListPaymentsValidator : AbstractValidator<ListPaymentsQuery>
{
    public ListPaymentsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Cursor.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => FeedPosition.TryRead(c, out _)).WithMessage("The cursor is not valid.");
    }
}

/// <summary>
/// Where a poller stands in the feed: the sequence number and id of the last change it saw. A cursor from before the
/// feed had sequence numbers (a bare payment id) stands at sequence 0.
/// </summary>
internal readonly record struct FeedPosition(long Seq, string Id)
{
    public string Encode() => Cursor.Encode($"{Seq}:{Id}");

    public static bool TryRead(string? cursor, out FeedPosition position)
    {
        position = new FeedPosition(0, string.Empty);
        if (!Cursor.TryDecode(cursor, out var key))
        {
            return false;
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            position = new FeedPosition(0, key);
            return true;
        }

        if (!long.TryParse(key[..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        position = new FeedPosition(seq, key[(colon + 1)..]);
        return true;
    }
}

/// <summary>
/// The change feed for cash application: each payment at the position of its latest change (recorded, allocated, credit
/// applied, refunded, charged back, reinstated), so a payment that changes comes again, in the order the changes
/// committed. A page always says where to resume.
/// </summary>
internal sealed class ListPaymentsHandler(DbSession db, IMediator mediator, CallerContext caller) : IRequestHandler<ListPaymentsQuery, PaymentFeedPage>
{
    private const string PageSql = "SELECT " + PaymentRow.Columns + """
         FROM payments_payments
        WHERE (feed_seq > @Seq OR (feed_seq = @Seq AND id > @After))
          AND (@DebtorId IS NULL OR debtor_id = @DebtorId)
          AND (@Since IS NULL OR recorded_at >= @Since)
        ORDER BY feed_seq, id
        LIMIT @Take
        """;

    private const string AllocationsOfSql = "SELECT " + AllocationRow.Columns + " FROM payments_allocations WHERE payment_id IN @Ids ORDER BY payment_id, id";

    public async Task<PaymentFeedPage> Handle(ListPaymentsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Cursor.DefaultLimit;
        FeedPosition.TryRead(query.Cursor, out var from);
        var debtorId = caller.Current.IsDebtor ? caller.Current.DebtorId : query.DebtorId;
        if (caller.Current.IsDebtor && query.DebtorId is not null && query.DebtorId != debtorId)
        {
            return new PaymentFeedPage([], null, from.Encode());
        }

        var rows = await db.QueryAsync<PaymentRow>(PageSql, new { from.Seq, After = from.Id, DebtorId = debtorId, Since = query.Since?.ToUniversalTime(), Take = limit + 1 }, cancellationToken);
        var items = rows.Take(limit).ToList();
        var last = items.Count == 0 ? from : new FeedPosition(items[^1].FeedSeq, items[^1].Id);
        return new PaymentFeedPage(await ResponsesAsync(items, cancellationToken), rows.Count > limit ? last.Encode() : null, last.Encode());
    }

    /// <summary>
    /// The responses for a page of payments, named as the ERP names debtors and invoices: allocations, debtors' and items'
    /// references each read in one query (per thousand).
    /// </summary>
    private async Task<IReadOnlyList<PaymentResponse>> ResponsesAsync(IReadOnlyList<PaymentRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var allocations = (await db.QueryByIdsAsync<AllocationRow>(AllocationsOfSql, rows.Select(r => r.Id).ToList(), ids => new { Ids = ids }, ct))
            .ToLookup(a => a.PaymentId);
        var debtors = (await mediator.Send(new GetDebtorsQuery(rows.Select(r => r.DebtorId).Distinct().ToList()), ct)).ToDictionary(d => d.Id, d => d.ExternalId);
        var itemIds = rows.SelectMany(r => allocations[r.Id]).Select(a => a.ItemId).Distinct().ToList();
        var items = itemIds.Count == 0 ? [] : (await mediator.Send(new GetItemReferencesQuery(itemIds), ct)).ToDictionary(i => i.Id);
        PaymentAllocationResponse Named(PaymentAllocationResponse allocation) =>
            items.TryGetValue(allocation.InvoiceId, out var item) ? allocation with { InvoiceExternalId = item.ExternalId, InvoiceNumber = item.Number } : allocation;
        return rows.Select(r => PaymentResponses.ToResponse(r, allocations[r.Id]))
            .Select(p => p with { DebtorExternalId = debtors.GetValueOrDefault(p.DebtorId), Allocations = p.Allocations.Select(Named).ToList() })
            .ToList();
    }
}

internal sealed class ListPaymentsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payments", (string? debtorId, DateTimeOffset? since, string? cursor, int? limit, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListPaymentsQuery(debtorId, since, cursor, limit), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("ListPayments")
            .WithSummary("List payments (the change feed)")
            .WithDescription("Payments in the order of their latest change (recorded, allocated, credit applied, refunded, charged back, reinstated): a payment that changes comes again. "
                + "Page with nextCursor (null once caught up); poll later with resumeCursor, which every page carries. Debtors and invoices carry the ERP's external ids.")
            .Produces<PaymentFeedPage>()
            .ProducesValidationProblem();
}
