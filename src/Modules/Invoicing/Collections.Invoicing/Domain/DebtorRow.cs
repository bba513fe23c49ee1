using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Invoicing.Domain;

internal sealed record DebtorRow
{
    public const string Columns = """
        id AS Id, external_id AS ExternalId, name AS Name, country_code AS CountryCode, time_zone AS TimeZone, language AS Language,
        currency AS Currency, credit_limit_minor AS CreditLimitMinor, payment_terms_days AS PaymentTermsDays, segment AS Segment,
        contact_hours_start AS ContactHoursStart, contact_hours_end AS ContactHoursEnd, contact_days AS ContactDays,
        allocation_order AS AllocationOrder, late_fee_policy_json AS LateFeePolicyJson, content_hash AS ContentHash,
        version AS Version, created_at AS CreatedAt, updated_at AS UpdatedAt,
        billing_line1 AS BillingLine1, billing_line2 AS BillingLine2, billing_line3 AS BillingLine3, billing_postal_code AS BillingPostalCode,
        billing_city AS BillingCity, billing_region AS BillingRegion, billing_country AS BillingCountry
        """;

    public required string Id { get; init; }

    public required string ExternalId { get; init; }

    public required string Name { get; init; }

    public required string CountryCode { get; init; }

    public required string TimeZone { get; init; }

    public required string Language { get; init; }

    public required string Currency { get; init; }

    public long CreditLimitMinor { get; init; }

    public int PaymentTermsDays { get; init; }

    public required string Segment { get; init; }

    public required string ContactHoursStart { get; init; }

    public required string ContactHoursEnd { get; init; }

    public required string ContactDays { get; init; }

    public required string AllocationOrder { get; init; }

    public string? LateFeePolicyJson { get; init; }

    public required string ContentHash { get; init; }

    public int Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? BillingLine1 { get; init; }

    public string? BillingLine2 { get; init; }

    public string? BillingLine3 { get; init; }

    public string? BillingPostalCode { get; init; }

    public string? BillingCity { get; init; }

    public string? BillingRegion { get; init; }

    public string? BillingCountry { get; init; }

    public PostalAddress? BillingAddress =>
        new StoredAddress(BillingLine1, BillingLine2, BillingLine3, BillingPostalCode, BillingCity, BillingRegion, BillingCountry).ToAddress();

    public ContactHoursDto ContactHours => new(
        TimeOnly.Parse(ContactHoursStart, System.Globalization.CultureInfo.InvariantCulture),
        TimeOnly.Parse(ContactHoursEnd, System.Globalization.CultureInfo.InvariantCulture),
        ContactDays.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DayOfWeek>).ToList());

    public DebtorDto ToDto(IReadOnlyList<ContactDto> contacts) => new(
        Id, ExternalId, Name, CountryCode, TimeZone, Language, Currency, CreditLimitMinor, PaymentTermsDays, Segment,
        contacts, ContactHours, AllocationOrder, CreatedAt, BillingAddress);
}

/// <summary>Loads debtors with their contacts, one debtor or many.</summary>
internal sealed class DebtorReader(DbSession db)
{
    private const string ByIdSql = "SELECT " + DebtorRow.Columns + " FROM invoicing_debtors WHERE id = @Id";
    private const string ByExternalIdSql = "SELECT " + DebtorRow.Columns + " FROM invoicing_debtors WHERE external_id = @ExternalId";
    private const string AllSql = "SELECT " + DebtorRow.Columns + " FROM invoicing_debtors ORDER BY id";
    private const string ContactsSql = """
        SELECT id AS Id, name AS Name, email AS Email, phone AS Phone, role AS Role, is_primary AS IsPrimary, language AS Language, sms_consent_at AS SmsConsentAt, debtor_id AS DebtorId,
            address_line1 AS AddressLine1, address_line2 AS AddressLine2, address_line3 AS AddressLine3, address_postal_code AS AddressPostalCode,
            address_city AS AddressCity, address_region AS AddressRegion, address_country AS AddressCountry
        FROM invoicing_contacts WHERE debtor_id = @DebtorId ORDER BY position
        """;

    private const string ByIdsSql = "SELECT " + DebtorRow.Columns + " FROM invoicing_debtors WHERE id IN @Ids ORDER BY id";
    private const string ByExternalIdsSql = "SELECT " + DebtorRow.Columns + " FROM invoicing_debtors WHERE external_id IN @ExternalIds";
    private const string ContactsOfSql = """
        SELECT id AS Id, name AS Name, email AS Email, phone AS Phone, role AS Role, is_primary AS IsPrimary, language AS Language, sms_consent_at AS SmsConsentAt, debtor_id AS DebtorId,
            address_line1 AS AddressLine1, address_line2 AS AddressLine2, address_line3 AS AddressLine3, address_postal_code AS AddressPostalCode,
            address_city AS AddressCity, address_region AS AddressRegion, address_country AS AddressCountry
        FROM invoicing_contacts WHERE debtor_id IN @Ids ORDER BY debtor_id, position
        """;

    private const string AllContactsSql = """
        SELECT id AS Id, name AS Name, email AS Email, phone AS Phone, role AS Role, is_primary AS IsPrimary, language AS Language, sms_consent_at AS SmsConsentAt, debtor_id AS DebtorId,
            address_line1 AS AddressLine1, address_line2 AS AddressLine2, address_line3 AS AddressLine3, address_postal_code AS AddressPostalCode,
            address_city AS AddressCity, address_region AS AddressRegion, address_country AS AddressCountry
        FROM invoicing_contacts ORDER BY debtor_id, position
        """;

    public Task<DebtorRow?> FindAsync(string id, CancellationToken ct) => db.QuerySingleOrDefaultAsync<DebtorRow>(ByIdSql, new { Id = id }, ct);

    public Task<DebtorRow?> FindByExternalIdAsync(string externalId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<DebtorRow>(ByExternalIdSql, new { ExternalId = externalId }, ct);

    public async Task<IReadOnlyList<ContactDto>> ContactsAsync(string debtorId, CancellationToken ct) =>
        (await db.QueryAsync<ContactRow>(ContactsSql, new { DebtorId = debtorId }, ct)).Select(c => c.ToDto()).ToList();

    /// <summary>The contacts of a page of debtors, in one query per thousand.</summary>
    public async Task<ILookup<string, ContactDto>> ContactsOfAsync(IReadOnlyCollection<string> debtorIds, CancellationToken ct) =>
        (await db.QueryByIdsAsync<ContactRow>(ContactsOfSql, debtorIds, ids => new { Ids = ids }, ct)).ToLookup(c => c.DebtorId, c => c.ToDto());

    public async Task<DebtorDto?> GetAsync(string id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } row ? row.ToDto(await ContactsAsync(id, ct)) : null;

    public async Task<IReadOnlyList<DebtorDto>> GetManyAsync(IReadOnlyCollection<string>? ids, CancellationToken ct)
    {
        if (ids is null)
        {
            var contacts = (await db.QueryAsync<ContactRow>(AllContactsSql, ct: ct)).ToLookup(c => c.DebtorId);
            return (await db.QueryAsync<DebtorRow>(AllSql, ct: ct)).Select(d => d.ToDto(contacts[d.Id].Select(c => c.ToDto()).ToList())).ToList();
        }

        // Only the wanted debtors, in id order: the chunks are taken in order and ids sort the same as text on both databases.
        var wanted = ids.Order(StringComparer.Ordinal).ToList();
        var rows = await db.QueryByIdsAsync<DebtorRow>(ByIdsSql, wanted, chunk => new { Ids = chunk }, ct);
        var byDebtor = (await db.QueryByIdsAsync<ContactRow>(ContactsOfSql, wanted, chunk => new { Ids = chunk }, ct)).ToLookup(c => c.DebtorId);
        return rows.Select(d => d.ToDto(byDebtor[d.Id].Select(c => c.ToDto()).ToList())).ToList();
    }

    /// <summary>Debtors by external id, a chunk of ids per query; unknown ids are missing from the result.</summary>
    public async Task<IReadOnlyDictionary<string, DebtorRow>> FindByExternalIdsAsync(IEnumerable<string> externalIds, CancellationToken ct)
    {
        var found = await db.QueryByIdsAsync<DebtorRow>(ByExternalIdsSql, externalIds, chunk => new { ExternalIds = chunk }, ct);
        return found.ToDictionary(row => row.ExternalId, StringComparer.Ordinal);
    }

    private sealed record ContactRow
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public string? Email { get; init; }

        public string? Phone { get; init; }

        public required string Role { get; init; }

        public bool IsPrimary { get; init; }

        public string? Language { get; init; }

        public DateTimeOffset? SmsConsentAt { get; init; }

        public required string DebtorId { get; init; }

        public string? AddressLine1 { get; init; }

        public string? AddressLine2 { get; init; }

        public string? AddressLine3 { get; init; }

        public string? AddressPostalCode { get; init; }

        public string? AddressCity { get; init; }

        public string? AddressRegion { get; init; }

        public string? AddressCountry { get; init; }

        public ContactDto ToDto() => new(Id, Name, Email, Phone, Role, IsPrimary, Language,
            new StoredAddress(AddressLine1, AddressLine2, AddressLine3, AddressPostalCode, AddressCity, AddressRegion, AddressCountry).ToAddress(),
            SmsConsentAt is { } at ? new SmsConsentDto(true, at) : null);
    }
}
