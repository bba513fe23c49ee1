using Collections.Payments.Domain;
using Collections.SharedKernel;

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

internal static class PaymentResponses
{
    public static async Task<PaymentResponse> ResponseAsync(this PaymentBook book, PaymentRow row, CancellationToken ct) =>
        ToResponse(row, await book.AllocationsAsync(row.Id, ct));

    public static PaymentResponse ToResponse(PaymentRow row, IEnumerable<AllocationRow> allocations)
    {
        MoneyDto M(long minor) => MoneyDto.Of(minor, row.Currency);
        return new PaymentResponse(row.Id, row.DebtorId, M(row.AmountMinor), M(row.UnappliedMinor), M(row.RefundedMinor), row.Method, row.Status,
            row.Reference, row.ReceivedOn, row.RecordedAt, row.PaymentPlanId,
            allocations.Select(a => new PaymentAllocationResponse(a.ItemId, M(a.AmountMinor), M(a.DiscountMinor), M(a.ReversedMinor), a.Source)).ToList());
    }
}
