namespace Collections.SharedKernel;

/// <summary>
/// Where a letter goes: one to three street lines (building, street and number, c/o, P.O. box), the postal code, the
/// city, the region (a US state, a Canadian province, a Japanese prefecture; optional elsewhere) and the ISO 3166-1
/// alpha-2 country. Built normalised by <see cref="PostalAddressRules.Normalise"/> once the rules accept its parts.
/// </summary>
public sealed record PostalAddress(IReadOnlyList<string> Lines, string? PostalCode, string City, string? Region, string Country)
{
    /// <summary>
    /// The lines a letter prints below the recipient's name, in the country's order: "12345 Berlin" in most of Europe,
    /// "City, ST 12345" in the US, Canada, Australia and Japan, city then postcode on their own lines in the UK and
    /// Ireland. The last line is the country's English name in upper case, unless the address is in
    /// <paramref name="homeCountry"/> (the sender's own country, where the post needs none); without a home country
    /// every address carries its country line.
    /// </summary>
    public IReadOnlyList<string> Format(string? homeCountry = null)
    {
        var lines = new List<string>(Lines);
        lines.AddRange(PostalAddressRules.LayoutOf(Country) switch
        {
            AddressLayout.CityRegionPostalCode => [CityRegionPostalCode()],
            AddressLayout.CityThenPostalCode => new[] { City, Region, PostalCode }.OfType<string>(),
            _ => new[] { Join(" ", PostalCode, City, PostalRegion()) }.Concat(SeparateRegion()),
        });
        if (!string.Equals(Country, homeCountry, StringComparison.Ordinal))
        {
            lines.Add(Countries.EnglishName(Country).ToUpperInvariant());
        }

        return lines;
    }

    private string CityRegionPostalCode() => Region is null ? Join(" ", City, PostalCode) : $"{City}, {Join(" ", Region, PostalCode)}";

    /// <summary>Italy prints the province's code after the city on the same line ("00184 Roma RM").</summary>
    private string? PostalRegion() => Country == "IT" ? Region : null;

    private IEnumerable<string> SeparateRegion() => Country != "IT" && Region is not null ? [Region] : [];

    private static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrEmpty(p)));
}

/// <summary>How a country orders the postal code, city and region of an address.</summary>
public enum AddressLayout
{
    /// <summary>"12345 Berlin": most of Europe, and every country Collections has no rule for; a region gets its own line.</summary>
    PostalCodeCity,

    /// <summary>"Springfield, IL 62704": the US, Canada, Australia, Japan (in Latin script).</summary>
    CityRegionPostalCode,

    /// <summary>The city (the post town), the county if given, then the postcode, each on its own line: the UK and Ireland.</summary>
    CityThenPostalCode,
}
