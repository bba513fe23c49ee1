using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.Invoicing.Features.Debtors;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Invoicing.Features.DebtorImport;

internal sealed record DebtorToWrite(int Index, string ExternalId, UpsertDebtorRequest Body, string ContentHash, DebtorRow? Existing);

/// <summary>
/// The rows a PUT /debtors/by-external-id/{externalId} writes, for many debtors at once: one prepared statement per table and kind of
/// write (debtors inserted, debtors updated, contacts replaced, activity), and one read of the updated debtors' contacts
/// so a contact that is still there keeps its id.
/// </summary>
internal sealed class DebtorImportWriter(DbSession db, ActivityLog activity, TimeProvider time)
{

    private const string ContactsOfSql = "SELECT id AS Id, debtor_id AS DebtorId, name AS Name, email AS Email FROM invoicing_contacts WHERE debtor_id IN @Ids";

    private const string DeleteContactsSql = "DELETE FROM invoicing_contacts WHERE debtor_id IN @Ids";

    private const string InsertContactSql = """
        INSERT INTO invoicing_contacts (id, debtor_id, position, name, email, phone, role, is_primary, language,
            address_line1, address_line2, address_line3, address_postal_code, address_city, address_region, address_country, sms_consent_at)
        VALUES (@Id, @DebtorId, @Position, @Name, @Email, @Phone, @Role, @IsPrimary, @Language,
            @AddressLine1, @AddressLine2, @AddressLine3, @AddressPostalCode, @AddressCity, @AddressRegion, @AddressCountry, @SmsConsentAt)
        """;

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Returns each written item's debtor id by its index in the request.</summary>
    public async Task<IReadOnlyDictionary<int, string>> WriteAsync(IReadOnlyList<DebtorToWrite> writes, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = writes.Select(w => (Write: w, Values: Values(w.Existing?.Id ?? Ids.New("deb", time), w, now))).ToList();
        var created = rows.Where(r => r.Write.Existing is null).Select(r => r.Values).ToList();
        var updated = rows.Where(r => r.Write.Existing is not null).Select(r => r.Values).ToList();
        if (created.Count > 0)
        {
            await db.ExecuteAsync(UpsertDebtorHandler.InsertSql, created, ct);
        }

        var keptContacts = new List<ExistingContact>();
        if (updated.Count > 0)
        {
            await db.ExecuteAsync(UpsertDebtorHandler.UpdateSql, updated, ct);
            foreach (var chunk in updated.Select(u => u.Id).Chunk(DbSession.IdsPerStatement))
            {
                keptContacts.AddRange(await db.QueryAsync<ExistingContact>(ContactsOfSql, new { Ids = chunk }, ct));
                await db.ExecuteAsync(DeleteContactsSql, new { Ids = chunk }, ct);
            }
        }

        var existingByDebtor = keptContacts.ToLookup(c => c.DebtorId);
        var contacts = rows.SelectMany(r => ContactRows(r.Values.Id, r.Write.Body.Contacts ?? [], existingByDebtor[r.Values.Id].ToList())).ToList();
        if (contacts.Count > 0)
        {
            await db.ExecuteAsync(InsertContactSql, contacts, ct);
        }

        await activity.AppendManyAsync(rows.Select(r => r.Write.Existing is null
            ? new ActivityToRecord(r.Values.Id, "debtor.created", $"Debtor {r.Values.Name} created.")
            : new ActivityToRecord(r.Values.Id, "debtor.updated", $"Debtor {r.Values.Name} updated (version {r.Write.Existing.Version + 1}).")).ToList(), ct);
        return rows.ToDictionary(r => r.Write.Index, r => r.Values.Id);
    }

    private static DebtorValues Values(string id, DebtorToWrite write, DateTimeOffset now)
    {
        var body = write.Body;
        var hours = body.ContactHours;
        var billing = StoredAddress.Of(body.BillingAddress?.ToAddress());
        return new DebtorValues(
            id, write.ExternalId, body.Name!.Trim(), body.Name.Trim().ToLowerInvariant(), body.CountryCode!, body.TimeZone!, body.Language!, body.Currency!,
            Money.FromMajor(body.CreditLimit, Currency.Of(body.Currency!)).Minor, body.PaymentTermsDays ?? 30, WireNames.Of(body.Segment),
            hours?.Start ?? "08:00", hours?.End ?? "18:00", string.Join(',', (hours?.Days ?? Weekdays).Distinct().Order()),
            WireNames.Of(body.AllocationOrder), body.LateFeePolicy?.ToJson(), write.ContentHash, now,
            billing.Line1, billing.Line2, billing.Line3, billing.PostalCode, billing.City, billing.Region, billing.Country);
    }

    /// <summary>The same contact rows as DebtorContacts.ReplaceAsync: a contact still there (same e-mail, else name) keeps its id.</summary>
    private IEnumerable<object> ContactRows(string debtorId, IReadOnlyList<UpsertDebtorContact> contacts, IReadOnlyList<ExistingContact> existing)
    {
        var primaryIndex = Math.Max(0, contacts.ToList().FindIndex(c => c.IsPrimary));
        for (var position = 0; position < contacts.Count; position++)
        {
            var contact = contacts[position];
            var address = StoredAddress.Of(contact.Address?.ToAddress());
            var kept = existing.FirstOrDefault(e => !string.IsNullOrEmpty(contact.Email) && string.Equals(e.Email, contact.Email, StringComparison.OrdinalIgnoreCase))
                ?? existing.FirstOrDefault(e => string.Equals(e.Name, contact.Name?.Trim(), StringComparison.Ordinal));
            yield return new
            {
                Id = kept?.Id ?? Ids.New("con", time),
                DebtorId = debtorId,
                Position = position,
                Name = contact.Name!.Trim(),
                Email = string.IsNullOrWhiteSpace(contact.Email) ? null : contact.Email.Trim(),
                Phone = string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone.Trim(),
                Role = WireNames.Of(contact.Role),
                IsPrimary = position == primaryIndex,
                contact.Language,
                AddressLine1 = address.Line1,
                AddressLine2 = address.Line2,
                AddressLine3 = address.Line3,
                AddressPostalCode = address.PostalCode,
                AddressCity = address.City,
                AddressRegion = address.Region,
                AddressCountry = address.Country,
                SmsConsentAt = contact.SmsConsent is { Given: true, GivenAt: { } givenAt } ? givenAt : (DateTimeOffset?)null,
            };
        }
    }

    private sealed record DebtorValues(
        string Id, string ExternalId, string Name, string SearchName, string CountryCode, string TimeZone, string Language, string Currency,
        long CreditLimitMinor, int PaymentTermsDays, string Segment, string ContactHoursStart, string ContactHoursEnd, string ContactDays,
        string AllocationOrder, string? LateFeePolicyJson, string ContentHash, DateTimeOffset Now,
        string? BillingLine1, string? BillingLine2, string? BillingLine3, string? BillingPostalCode, string? BillingCity, string? BillingRegion, string? BillingCountry);

    private sealed record ExistingContact
    {
        public string Id { get; init; } = "";

        public string DebtorId { get; init; } = "";

        public string Name { get; init; } = "";

        public string? Email { get; init; }
    }
}
