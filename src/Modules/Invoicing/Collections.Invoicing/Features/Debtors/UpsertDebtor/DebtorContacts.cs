using Collections.Invoicing.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;

namespace Collections.Invoicing.Features.Debtors;

/// <summary>Replaces a debtor's contacts, keeping the id of a contact that is still there (matched by e-mail, else name).</summary>
internal sealed class DebtorContacts(DbSession db, TimeProvider time)
{
    private const string ExistingSql = "SELECT id AS Id, name AS Name, email AS Email FROM invoicing_contacts WHERE debtor_id = @DebtorId";
    private const string DeleteSql = "DELETE FROM invoicing_contacts WHERE debtor_id = @DebtorId";
    private const string InsertSql = """
        INSERT INTO invoicing_contacts (id, debtor_id, position, name, email, phone, role, is_primary, language,
            address_line1, address_line2, address_line3, address_postal_code, address_city, address_region, address_country, sms_consent_at)
        VALUES (@Id, @DebtorId, @Position, @Name, @Email, @Phone, @Role, @IsPrimary, @Language,
            @AddressLine1, @AddressLine2, @AddressLine3, @AddressPostalCode, @AddressCity, @AddressRegion, @AddressCountry, @SmsConsentAt)
        """;

    public async Task ReplaceAsync(string debtorId, IReadOnlyList<UpsertDebtorContact> contacts, CancellationToken ct)
    {
        var existing = await db.QueryAsync<ExistingContact>(ExistingSql, new { DebtorId = debtorId }, ct);
        await db.ExecuteAsync(DeleteSql, new { DebtorId = debtorId }, ct);
        var primaryIndex = Math.Max(0, contacts.ToList().FindIndex(c => c.IsPrimary));
        for (var position = 0; position < contacts.Count; position++)
        {
            var contact = contacts[position];
            var address = StoredAddress.Of(contact.Address?.ToAddress());
            var kept = existing.FirstOrDefault(e => !string.IsNullOrEmpty(contact.Email) && string.Equals(e.Email, contact.Email, StringComparison.OrdinalIgnoreCase))
                ?? existing.FirstOrDefault(e => string.Equals(e.Name, contact.Name?.Trim(), StringComparison.Ordinal));
            await db.ExecuteAsync(InsertSql, new
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
            }, ct);
        }
    }

    private sealed record ExistingContact(string Id, string Name, string? Email);
}
