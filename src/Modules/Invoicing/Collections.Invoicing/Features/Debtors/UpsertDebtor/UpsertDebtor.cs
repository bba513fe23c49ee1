using System.Globalization;
using System.Text.Json.Serialization;
using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.Invoicing.Domain.LateFees;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Invoicing.Features.Debtors;

/// <param name="Language">
/// The contact's own language, a BCP 47 tag such as 'en' or 'de-CH' (at most 20 characters), or null for none. It wins over the
/// debtor's language for messages to this contact; a language Collections has no wording for falls back to the debtor's language,
/// then the creditor's default, then English.
/// </param>
/// <param name="SmsConsent">
/// The contact's consent to SMS, as the ERP recorded it: `{given: true, givenAt}` (the phone must then be E.164, such as +4930123456),
/// or null or `{given: false}` for none. Sent with every upsert, like the rest of the contact: leaving it out records no consent.
/// </param>
public sealed record UpsertDebtorContact(
    string? Name,
    string? Email,
    string? Phone,
    ContactRole Role = ContactRole.AccountsPayable,
    bool IsPrimary = false,
    // Left out of the content hash while null, so a body sent before contacts had a language is still recognised as unchanged.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    // The contact's own postal address, or null for none (a letter then goes to the debtor's billing address). Left out of the
    // content hash while null, like Language.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PostalAddressRequest? Address = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SmsConsentDto? SmsConsent = null);

public sealed record UpsertDebtorContactHours(string? Start, string? End, IReadOnlyList<DayOfWeek>? Days);

public sealed record UpsertDebtorRequest(
    string? Name,
    string? CountryCode,
    string? TimeZone,
    string? Language,
    string? Currency,
    decimal CreditLimit,
    int? PaymentTermsDays,
    DebtorSegment Segment = DebtorSegment.Standard,
    IReadOnlyList<UpsertDebtorContact>? Contacts = null,
    UpsertDebtorContactHours? ContactHours = null,
    AllocationOrder AllocationOrder = AllocationOrder.PrincipalFirst,
    LateFeePolicyRequest? LateFeePolicy = null,
    // Where letters go when the contact written to has no address of its own. Left out of the content hash while null, so a body
    // sent before debtors had addresses is still recognised as unchanged.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PostalAddressRequest? BillingAddress = null);

internal sealed record UpsertDebtorCommand(string ExternalId, UpsertDebtorRequest Body) : ICommand<UpsertDebtorResult>;

internal sealed record UpsertDebtorResult(DebtorResponse Debtor, bool Created);

internal sealed partial class UpsertDebtorValidator : AbstractValidator<UpsertDebtorCommand>
{
    /// <summary>A BCP 47 language tag, as the debtor's and a contact's language take it.</summary>
    internal const string LanguageTagPattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    internal const string LanguageTagMessage = "Use a BCP 47 language tag such as 'en' or 'de-CH'.";

    /// <summary>The width of invoicing_contacts.language, the same as invoicing_debtors.language.</summary>
    internal const int LanguageTagLength = 20;

    /// <summary>An E.164 number: a plus, the country code and the subscriber number, 8 to 15 digits in all, nothing else.</summary>
    internal const string E164Pattern = @"^\+[1-9][0-9]{7,14}$";

    /// <summary>A consent recorded "now" on a server whose clock runs a little ahead of ours is still accepted.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public UpsertDebtorValidator(TimeProvider time)
    {
        RuleFor(c => c.ExternalId).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Body.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(c => c.Body.CountryCode).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("Use an ISO 3166-1 alpha-2 code such as 'DE'.").OverridePropertyName("countryCode");
        RuleFor(c => c.Body.TimeZone).Must(DebtorCalendar.IsKnownZone).WithMessage("Use an IANA time zone such as 'Europe/Berlin'.").OverridePropertyName("timeZone");
        RuleFor(c => c.Body.Language).NotEmpty().Matches(LanguageTagPattern).WithMessage(LanguageTagMessage).MaximumLength(LanguageTagLength)
            .OverridePropertyName("language");
        RuleFor(c => c.Body.Currency).KnownCurrency().OverridePropertyName("currency");
        RuleFor(c => c.Body.CreditLimit).GreaterThanOrEqualTo(0)
            .Must((c, limit) => !Currency.TryFind(c.Body.Currency, out var currency) || Money.HasValidScale(limit, currency))
            .WithMessage("The credit limit has more decimals than the currency allows, or is too large.").OverridePropertyName("creditLimit");
        RuleFor(c => c.Body.PaymentTermsDays).InclusiveBetween(0, 365).OverridePropertyName("paymentTermsDays");
        RuleFor(c => c.Body.Segment).IsInEnum().OverridePropertyName("segment");
        RuleFor(c => c.Body.AllocationOrder).IsInEnum().OverridePropertyName("allocationOrder");
        RuleFor(c => c.Body.LateFeePolicy!).SetValidator(new LateFeePolicyValidator()).OverridePropertyName("lateFeePolicy").When(c => c.Body.LateFeePolicy is not null);
        RuleFor(c => c.Body.BillingAddress!).SetValidator(new PostalAddressValidator()).OverridePropertyName("billingAddress").When(c => c.Body.BillingAddress is not null);
        RuleFor(c => c.Body.Contacts).Must(contacts => contacts is null || contacts.Count <= 20).WithMessage("At most 20 contacts.").OverridePropertyName("contacts");
        RuleFor(c => c.Body.Contacts).Must(contacts => contacts is null || contacts.Count(x => x?.IsPrimary == true) <= 1).WithMessage("At most one contact can be primary.").OverridePropertyName("contacts");
        RuleForEach(c => c.Body.Contacts).NoEmptyItems().OverridePropertyName("contacts");
        RuleForEach(c => c.Body.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            contact.RuleFor(x => x.Email).EmailAddress().MaximumLength(320).When(x => !string.IsNullOrEmpty(x.Email));
            contact.RuleFor(x => x.Phone).Matches(@"^\+?[0-9 ()./-]{4,30}$").When(x => !string.IsNullOrEmpty(x.Phone));
            contact.RuleFor(x => x.Role).IsInEnum();
            contact.RuleFor(x => x.Language).NotEmpty().Matches(LanguageTagPattern).WithMessage(LanguageTagMessage).MaximumLength(LanguageTagLength)
                .When(x => x.Language is not null);
            contact.RuleFor(x => x.Address!).SetValidator(new PostalAddressValidator()).When(x => x.Address is not null);
            contact.When(x => x.SmsConsent is { Given: true }, () =>
            {
                contact.RuleFor(x => x.Phone).NotEmpty().Matches(E164Pattern)
                    .WithMessage("A contact who consents to SMS needs a phone number in E.164 form, such as +4930123456 (a plus, the country code and the number, without spaces).");
                // A consent dated in the future would outrank every STOP the contact sends until then.
                contact.RuleFor(x => x.SmsConsent!.GivenAt).NotNull().WithMessage("Say when the consent was given.")
                    .Must(at => at is null || at <= time.GetUtcNow() + ClockSkew).WithMessage("The consent cannot have been given in the future.")
                    .OverridePropertyName("smsConsent.givenAt");
            });
            contact.RuleFor(x => x).Must(x => !string.IsNullOrEmpty(x.Email) || !string.IsNullOrEmpty(x.Phone))
                .WithMessage("A contact needs an e-mail address or a phone number.").OverridePropertyName("email");
        }).OverridePropertyName("contacts");
        When(c => c.Body.ContactHours is not null, () =>
        {
            RuleFor(c => c.Body.ContactHours!.Start).Must(IsClockTime).WithMessage("Use HH:mm, e.g. 08:00.").OverridePropertyName("contactHours.start");
            RuleFor(c => c.Body.ContactHours!.End).Must(IsClockTime).WithMessage("Use HH:mm, e.g. 18:00.").OverridePropertyName("contactHours.end");
            RuleFor(c => c.Body.ContactHours!).Must(h => !IsClockTime(h.Start) || !IsClockTime(h.End) || string.CompareOrdinal(h.Start, h.End) < 0)
                .WithMessage("Contact hours must start before they end.").OverridePropertyName("contactHours");
            RuleFor(c => c.Body.ContactHours!.Days).NotEmpty().Must(d => d is null || d.All(Enum.IsDefined)).OverridePropertyName("contactHours.days");
        });
    }

    private static bool IsClockTime(string? value) =>
        value is { Length: 5 } && TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

internal sealed class UpsertDebtorHandler(DbSession db, DebtorReader debtors, ActivityLog activity, TimeProvider time)
    : IRequestHandler<UpsertDebtorCommand, UpsertDebtorResult>
{
    internal const string InsertSql = """
        INSERT INTO invoicing_debtors (id, external_id, name, search_name, country_code, time_zone, language, currency, credit_limit_minor,
            payment_terms_days, segment, contact_hours_start, contact_hours_end, contact_days, allocation_order, late_fee_policy_json, content_hash, version, created_at, updated_at,
            billing_line1, billing_line2, billing_line3, billing_postal_code, billing_city, billing_region, billing_country)
        VALUES (@Id, @ExternalId, @Name, @SearchName, @CountryCode, @TimeZone, @Language, @Currency, @CreditLimitMinor,
            @PaymentTermsDays, @Segment, @ContactHoursStart, @ContactHoursEnd, @ContactDays, @AllocationOrder, @LateFeePolicyJson, @ContentHash, 1, @Now, @Now,
            @BillingLine1, @BillingLine2, @BillingLine3, @BillingPostalCode, @BillingCity, @BillingRegion, @BillingCountry)
        """;

    internal const string UpdateSql = """
        UPDATE invoicing_debtors SET name = @Name, search_name = @SearchName, country_code = @CountryCode, time_zone = @TimeZone,
            language = @Language, currency = @Currency, credit_limit_minor = @CreditLimitMinor, payment_terms_days = @PaymentTermsDays,
            segment = @Segment, contact_hours_start = @ContactHoursStart, contact_hours_end = @ContactHoursEnd, contact_days = @ContactDays,
            allocation_order = @AllocationOrder, late_fee_policy_json = @LateFeePolicyJson, content_hash = @ContentHash, version = version + 1, updated_at = @Now,
            billing_line1 = @BillingLine1, billing_line2 = @BillingLine2, billing_line3 = @BillingLine3, billing_postal_code = @BillingPostalCode,
            billing_city = @BillingCity, billing_region = @BillingRegion, billing_country = @BillingCountry
        WHERE id = @Id
        """;

    public async Task<UpsertDebtorResult> Handle(UpsertDebtorCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var hash = ContentHash.Of(body);
        var existing = await debtors.FindByExternalIdAsync(command.ExternalId, cancellationToken);
        if (existing is not null && existing.ContentHash == hash)
        {
            return new UpsertDebtorResult(DebtorResponse.From(existing, await debtors.ContactsAsync(existing.Id, cancellationToken)), Created: false);
        }

        var id = existing?.Id ?? Ids.New("deb", time);
        var hours = body.ContactHours;
        var days = hours?.Days ?? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var billing = StoredAddress.Of(body.BillingAddress?.ToAddress());
        await db.ExecuteAsync(existing is null ? InsertSql : UpdateSql, new
        {
            Id = id,
            command.ExternalId,
            Name = body.Name!.Trim(),
            SearchName = body.Name.Trim().ToLowerInvariant(),
            body.CountryCode,
            body.TimeZone,
            body.Language,
            body.Currency,
            CreditLimitMinor = Money.FromMajor(body.CreditLimit, Currency.Of(body.Currency!)).Minor,
            PaymentTermsDays = body.PaymentTermsDays ?? 30,
            Segment = WireNames.Of(body.Segment),
            ContactHoursStart = hours?.Start ?? "08:00",
            ContactHoursEnd = hours?.End ?? "18:00",
            ContactDays = string.Join(',', days.Distinct().Order()),
            AllocationOrder = WireNames.Of(body.AllocationOrder),
            LateFeePolicyJson = body.LateFeePolicy?.ToJson(),
            ContentHash = hash,
            Now = time.GetUtcNow(),
            BillingLine1 = billing.Line1,
            BillingLine2 = billing.Line2,
            BillingLine3 = billing.Line3,
            BillingPostalCode = billing.PostalCode,
            BillingCity = billing.City,
            BillingRegion = billing.Region,
            BillingCountry = billing.Country,
        }, cancellationToken);
        await new DebtorContacts(db, time).ReplaceAsync(id, body.Contacts ?? [], cancellationToken);

        var saved = (await debtors.FindAsync(id, cancellationToken))!;
        await activity.AppendAsync(id, existing is null ? "debtor.created" : "debtor.updated",
            existing is null ? $"Debtor {saved.Name} created." : $"Debtor {saved.Name} updated (version {saved.Version}).", ct: cancellationToken);
        return new UpsertDebtorResult(DebtorResponse.From(saved, await debtors.ContactsAsync(id, cancellationToken)), Created: existing is null);
    }
}

internal sealed class UpsertDebtorEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/debtors/by-external-id/{externalId}", async (string externalId, UpsertDebtorRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new UpsertDebtorCommand(externalId, request), ct);
                return result.Created
                    ? Results.Created($"{EndpointModule.ApiPrefix}/debtors/{result.Debtor.Id}", result.Debtor)
                    : Results.Ok(result.Debtor);
            })
            .RequireAuthorization(Policies.Erp)
            .WithName("UpsertDebtor")
            .WithSummary("Create or update a debtor by external id")
            .WithDescription("Create or update a debtor by the ERP's id. Re-sending the same body changes nothing.")
            .Produces<DebtorResponse>(StatusCodes.Status201Created)
            .Produces<DebtorResponse>()
            .ProducesValidationProblem();
}
