using Collections.SharedKernel;

namespace Collections.Invoicing.Domain;

/// <summary>
/// A postal address as the seven nullable columns it is stored in: a debtor's <c>billing_*</c>, a contact's <c>address_*</c>
/// (line1 to line3, postal_code, city, region, country). All null is no address.
/// </summary>
internal sealed record StoredAddress(string? Line1, string? Line2, string? Line3, string? PostalCode, string? City, string? Region, string? Country)
{
    public static readonly StoredAddress None = new(null, null, null, null, null, null, null);

    public static StoredAddress Of(PostalAddress? address) => address is null
        ? None
        : new(address.Lines[0], address.Lines.ElementAtOrDefault(1), address.Lines.ElementAtOrDefault(2), address.PostalCode, address.City, address.Region, address.Country);

    /// <summary>The address the columns hold; a row written before addresses existed has none.</summary>
    public PostalAddress? ToAddress() => Country is null || City is null || Line1 is null
        ? null
        : new PostalAddress(new[] { Line1, Line2, Line3 }.OfType<string>().ToList(), PostalCode, City, Region, Country);
}
