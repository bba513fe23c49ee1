using Collections.Payments.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using MediatR;

namespace Collections.Payments.Features.Payments;

/// <summary>InvoiceExternalId and InvoiceNumber: the ERP's names for the item, when the list names them (the change feed does).</summary>
public sealed record PaymentAllocationResponse(string InvoiceId, MoneyDto Amount, MoneyDto Discount, MoneyDto Reversed, string Source,
    string? InvoiceExternalId = null, string? InvoiceNumber = null);

public sealed record PaymentResponse(
    string Id,
    string DebtorId,
    MoneyDto Amount,
    MoneyDto Unapplied,
    MoneyDto Refunded,
    string Method,
    string Status,
    string? Reference,
    DateOnly ReceivedOn,
    DateTimeOffset RecordedAt,
    string? PaymentPlanId,
    IReadOnlyList<PaymentAllocationResponse> Allocations,
    string? DebtorExternalId = null);

/// <summary>
/// A page of the change feed. NextCursor: the next page, null once caught up. ResumeCursor: always set; poll with it later
/// to get what changed since (docs/payments.md, "The change feed").
/// </summary>
public sealed record PaymentFeedPage(IReadOnlyList<PaymentResponse> Items, string? NextCursor, string ResumeCursor);

internal static class PaymentResponses
{
    public static async Task<PaymentResponse> ResponseAsync(this PaymentBook book, PaymentRow row, CancellationToken ct) =>
        ToResponse(row, await book.AllocationsAsync(row.Id, ct));

    /// <summary>
    /// The responses for a page of payments, named as the ERP names debtors and invoices: allocations, debtors' and items'
    /// references each read in one query.
    /// </summary>
    public static async Task<IReadOnlyList<PaymentResponse>> ResponsesAsync(this PaymentBook book, IMediator mediator, IReadOnlyList<PaymentRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var allocations = await book.AllocationsOfAsync(rows.Select(r => r.Id).ToList(), ct);
        var debtors = (await mediator.Send(new GetDebtorsQuery(rows.Select(r => r.DebtorId).Distinct().ToList()), ct)).ToDictionary(d => d.Id, d => d.ExternalId);
        var itemIds = rows.SelectMany(r => allocations[r.Id]).Select(a => a.ItemId).Distinct().ToList();
        var items = itemIds.Count == 0 ? [] : (await mediator.Send(new GetItemReferencesQuery(itemIds), ct)).ToDictionary(i => i.Id);
        PaymentAllocationResponse Named(PaymentAllocationResponse allocation) =>
            items.TryGetValue(allocation.InvoiceId, out var item) ? allocation with { InvoiceExternalId = item.ExternalId, InvoiceNumber = item.Number } : allocation;
        return rows.Select(r => ToResponse(r, allocations[r.Id]))
            .Select(p => p with { DebtorExternalId = debtors.GetValueOrDefault(p.DebtorId), Allocations = p.Allocations.Select(Named).ToList() })
            .ToList();
    }

    private static PaymentResponse ToResponse(PaymentRow row, IEnumerable<AllocationRow> allocations)
    {
        MoneyDto M(long minor) => MoneyDto.Of(minor, row.Currency);
        return new PaymentResponse(row.Id, row.DebtorId, M(row.AmountMinor), M(row.UnappliedMinor), M(row.RefundedMinor), row.Method, row.Status,
            row.Reference, row.ReceivedOn, row.RecordedAt, row.PaymentPlanId,
            allocations.Select(a => new PaymentAllocationResponse(a.ItemId, M(a.AmountMinor), M(a.DiscountMinor), M(a.ReversedMinor), a.Source)).ToList());
    }
}
