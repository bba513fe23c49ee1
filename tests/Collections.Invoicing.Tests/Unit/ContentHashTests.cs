using System.Text.Json;
using Collections.Invoicing.Domain;
using Collections.Invoicing.Features.Debtors;

namespace Collections.Invoicing.Tests.Unit;

/// <summary>
/// The content hash is what makes re-sending a debtor a no-op, and it is stored: a field added to the body must not change
/// the hash of a body that does not use it, or every debtor stored before would count as changed on its next re-send.
/// </summary>
public sealed class ContentHashTests
{
    [Test]
    public void AContactWithoutALanguage_SerialisesForTheHashAsBeforeContactsHadOne()
    {
        var contact = new UpsertDebtorContact("Anna Schmidt", "anna@acme.example", null, ContactRole.Finance, IsPrimary: true);
        var beforeLanguages = new { Name = "Anna Schmidt", Email = "anna@acme.example", Phone = (string?)null, Role = ContactRole.Finance, IsPrimary = true };

        Assert.That(JsonSerializer.Serialize(contact), Is.EqualTo(JsonSerializer.Serialize(beforeLanguages)));
    }

    [Test]
    public void AContactsLanguage_ChangesTheHash()
    {
        static string HashWith(string? language) => ContentHash.Of(new UpsertDebtorRequest(
            "Acme GmbH", "DE", "Europe/Berlin", "de", "EUR", 50_000m, 30,
            Contacts: [new UpsertDebtorContact("Anna Schmidt", "anna@acme.example", null, Language: language)]));

        Assert.That(new[] { HashWith(null), HashWith("de-CH"), HashWith("fr") }, Is.Unique);
    }

    [Test]
    public void ABodyWithoutAddresses_SerialisesForTheHashAsBeforeAddressesExisted()
    {
        var body = new UpsertDebtorRequest("Acme GmbH", "DE", "Europe/Berlin", "de", "EUR", 50_000m, 30,
            Contacts: [new UpsertDebtorContact("Anna Schmidt", "anna@acme.example", null)]);

        var json = JsonSerializer.Serialize(body);

        Assert.That(json, Does.Not.Contain("BillingAddress").And.Not.Contain("Address"));
        Assert.That(json, Does.EndWith("\"LateFeePolicy\":null}"), "the last field before addresses is still the last");
    }

    [Test]
    public void AnAddress_ChangesTheHash()
    {
        var berlin = new PostalAddressRequest(["Invalidenstraße 117"], "10115", "Berlin", null, "DE");
        static string HashWith(PostalAddressRequest? billing, PostalAddressRequest? contact) => ContentHash.Of(new UpsertDebtorRequest(
            "Acme GmbH", "DE", "Europe/Berlin", "de", "EUR", 50_000m, 30,
            Contacts: [new UpsertDebtorContact("Anna Schmidt", "anna@acme.example", null, Address: contact)], BillingAddress: billing));

        Assert.That(new[] { HashWith(null, null), HashWith(berlin, null), HashWith(null, berlin), HashWith(berlin with { City = "Potsdam" }, null) }, Is.Unique);
    }
}
