using Collections.SharedKernel;
using MediatR;

namespace Collections.Invoicing.Contracts;

/// <param name="Address">The contact's own postal address, or null: a letter to it then goes to the debtor's billing address.</param>
/// <param name="SmsConsent">The contact's recorded consent to SMS, as the ERP recorded it; null where none is recorded.</param>
public sealed record ContactDto(
    string Id, string Name, string? Email, string? Phone, string Role, bool IsPrimary, string? Language = null, PostalAddress? Address = null,
    SmsConsentDto? SmsConsent = null);

/// <summary>
/// Consent to be sent SMS: given or not, and the instant it was given (required when given). A contact with consent has an
/// E.164 phone number (+4930…). Dunning stores a STOP per number, which wins over a consent given before it.
/// </summary>
public sealed record SmsConsentDto(bool Given, DateTimeOffset? GivenAt);

/// <summary>When the debtor may be contacted, in its own IANA time zone.</summary>
public sealed record ContactHoursDto(TimeOnly Start, TimeOnly End, IReadOnlyList<DayOfWeek> Days);

/// <summary>The wire names of a debtor's allocation order: how a payment without explicit allocations is spread.</summary>
public static class AllocationOrders
{
    /// <summary>Invoices oldest due first, then late fees.</summary>
    public const string PrincipalFirst = "principal_first";

    /// <summary>Late fees (costs and interest) oldest first, then invoices, as some civil codes require (e.g. BGB § 367).</summary>
    public const string CostsInterestPrincipal = "costs_interest_principal";
}

public sealed record DebtorDto(
    string Id,
    string ExternalId,
    string Name,
    string CountryCode,
    string TimeZone,
    string Language,
    string Currency,
    long CreditLimitMinor,
    int PaymentTermsDays,
    string Segment,
    IReadOnlyList<ContactDto> Contacts,
    ContactHoursDto ContactHours,
    string AllocationOrder,
    DateTimeOffset CreatedAt,
    PostalAddress? BillingAddress = null);

/// <summary>A debtor by id, or null. Not scoped by caller: the asking module decides who may see it.</summary>
public sealed record GetDebtorQuery(string DebtorId) : IRequest<DebtorDto?>;

/// <summary>The ids of the debtors with exactly this name, ignoring case and surrounding spaces (a bank statement's payer name).</summary>
public sealed record FindDebtorsByNameQuery(string Name) : IRequest<IReadOnlyList<string>>;

/// <summary>Debtors by id, for modules that work on many at once (dunning runs, insights rebuilds).</summary>
public sealed record GetDebtorsQuery(IReadOnlyCollection<string>? DebtorIds = null) : IRequest<IReadOnlyList<DebtorDto>>;

/// <summary>Appends to the debtor's activity log (append-only). Any module records what it did to a debtor here.</summary>
public sealed record RecordActivityCommand(
    string DebtorId,
    string Type,
    string Summary,
    string? InvoiceId = null,
    string? DetailsJson = null) : Collections.SharedKernel.Mediation.ICommand<string>;
