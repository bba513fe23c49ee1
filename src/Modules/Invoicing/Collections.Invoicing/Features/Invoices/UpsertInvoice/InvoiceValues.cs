using Collections.Invoicing.Domain;
using Collections.SharedKernel;

namespace Collections.Invoicing.Features.Invoices;

/// <summary>The stored values of an invoice body (parameters of the insert and update SQL), computed once for both upsert paths.</summary>
internal sealed record InvoiceValues(
    string Id,
    string ExternalId,
    string DebtorId,
    string Number,
    string? PoNumber,
    string Currency,
    DateOnly IssueDate,
    DateOnly DueDate,
    long TotalMinor,
    int? NetDays,
    int? DiscountBasisPoints,
    int? DiscountDays,
    string? LateFeePolicyJson,
    string ContentHash,
    DateTimeOffset Now)
{
    public bool False => false;

    public static InvoiceValues Of(string id, string externalId, UpsertInvoiceRequest body, DebtorRow debtor, DateTimeOffset now)
    {
        var currency = SharedKernel.Currency.Of(body.Currency!);
        var issueDate = body.IssueDate!.Value;
        var netDays = body.Terms?.NetDays;
        return new InvoiceValues(
            id,
            externalId,
            debtor.Id,
            body.Number!.Trim(),
            string.IsNullOrWhiteSpace(body.PoNumber) ? null : body.PoNumber.Trim(),
            currency.Code,
            issueDate,
            body.DueDate ?? issueDate.AddDays(netDays ?? debtor.PaymentTermsDays),
            Money.FromMajor(body.Total, currency).Minor,
            netDays,
            body.Terms?.EarlyPaymentDiscount is { } discount ? decimal.ToInt32(discount.Percent * EarlyPaymentTerms.BasisPointsPerPercent) : null,
            body.Terms?.EarlyPaymentDiscount?.WithinDays,
            body.LateFeePolicy?.ToJson(),
            Domain.ContentHash.Of(body),
            now);
    }
}
