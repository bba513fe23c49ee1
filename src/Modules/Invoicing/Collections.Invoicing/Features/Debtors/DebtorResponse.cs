using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.Invoicing.Domain.LateFees;
using Collections.SharedKernel;

namespace Collections.Invoicing.Features.Debtors;

public sealed record ContactHoursResponse(string Start, string End, IReadOnlyList<DayOfWeek> Days);

/// <param name="BillingAddress">Where letters go when the contact written to has no address of its own; null when the ERP gave none.</param>
/// <param name="Contacts">
/// In their order; each contact's language is its own (null where it has none) and wins over the debtor's for messages to that
/// contact. A language Collections has no wording for falls back to the debtor's language, then the creditor's default, then English.
/// </param>
public sealed record DebtorResponse(
    string Id,
    string ExternalId,
    string Name,
    string CountryCode,
    string TimeZone,
    string Language,
    string Currency,
    MoneyDto? CreditLimit,
    int PaymentTermsDays,
    string? Segment,
    IReadOnlyList<ContactDto> Contacts,
    ContactHoursResponse ContactHours,
    string AllocationOrder,
    LateFeePolicyRequest? LateFeePolicy,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    PostalAddress? BillingAddress)
{
    internal static DebtorResponse From(DebtorRow row, IReadOnlyList<ContactDto> contacts) => new(
        row.Id, row.ExternalId, row.Name, row.CountryCode, row.TimeZone, row.Language, row.Currency,
        MoneyDto.Of(row.CreditLimitMinor, row.Currency), row.PaymentTermsDays, row.Segment, contacts,
        new ContactHoursResponse(row.ContactHoursStart, row.ContactHoursEnd, row.ContactHours.Days),
        row.AllocationOrder, LateFeePolicyRequest.FromJson(row.LateFeePolicyJson), row.Version, row.CreatedAt, row.UpdatedAt, row.BillingAddress);

    /// <summary>What the debtor's own portal session sees: not the creditor's internal assessment of it (credit limit, segment).</summary>
    internal DebtorResponse ForDebtorSession() => this with { CreditLimit = null, Segment = null };
}
