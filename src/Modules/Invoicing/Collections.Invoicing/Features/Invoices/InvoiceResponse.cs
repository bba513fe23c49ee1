using Collections.Invoicing.Domain;
using Collections.SharedKernel;

namespace Collections.Invoicing.Features.Invoices;

public sealed record InvoiceLineResponse(string Description, decimal Quantity, MoneyDto UnitPrice, MoneyDto Amount);

public sealed record InvoiceTermsResponse(int? NetDays, decimal? EarlyPaymentDiscountPercent, int? EarlyPaymentDiscountDays);

public sealed record EarlyPaymentResponse(MoneyDto Discount, DateOnly PayBy, MoneyDto AmountToPay);

public sealed record InvoiceResponse(
    string Id,
    string Kind,
    string ExternalId,
    string DebtorId,
    string Number,
    string? PoNumber,
    string? InvoiceId,
    string Currency,
    DateOnly IssueDate,
    DateOnly DueDate,
    MoneyDto Total,
    MoneyDto Balance,
    MoneyDto Paid,
    MoneyDto Credited,
    MoneyDto Disputed,
    string Status,
    int DaysOverdue,
    EarlyPaymentResponse? EarlyPayment,
    InvoiceTermsResponse Terms,
    string? PaymentPlanId,
    bool Placed,
    IReadOnlyList<InvoiceLineResponse> Lines,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static InvoiceResponse From(ReceivableRow row, DateOnly today, IReadOnlyList<InvoiceLineResponse> lines)
    {
        MoneyDto M(long minor) => MoneyDto.Of(minor, row.Currency);
        var offer = EarlyPaymentTerms.Available(row, today);
        return new InvoiceResponse(
            row.Id, row.Kind, row.ExternalId, row.DebtorId, row.Number, row.PoNumber, row.ParentId, row.Currency, row.IssueDate, row.DueDate,
            M(row.TotalMinor), M(row.BalanceMinor), M(row.PaidMinor), M(row.CreditedMinor), M(row.DisputedMinor), row.Status,
            row.DaysOverdue(today),
            offer is null ? null : new EarlyPaymentResponse(M(offer.DiscountMinor), offer.PayBy, M(row.BalanceMinor - offer.DiscountMinor)),
            new InvoiceTermsResponse(row.NetDays, row.DiscountBasisPoints / (decimal?)EarlyPaymentTerms.BasisPointsPerPercent, row.DiscountDays),
            row.PaymentPlanId, row.Placed, lines, row.Version, row.CreatedAt, row.UpdatedAt);
    }
}
