using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Collections.SharedKernel;

/// <summary>One part of an address the rules refuse: <see cref="Part"/> names it as JSON does (<c>postalCode</c>, <c>lines[1]</c>).</summary>
public sealed record AddressProblem(string Part, string Message);

/// <summary>
/// What a postal address needs, per country. Every address needs one to three street lines, a city and a known ISO 3166-1
/// alpha-2 country. The countries below also have a postal-code shape (required, except Ireland's optional Eircode) and
/// some a region: the US state, the Canadian province and the Australian state as their postal code (NY, ON, NSW), the
/// Japanese prefecture as text. Any other country takes an optional postal code and region of any shape.
/// Parts are trimmed first, the country and a coded region upper-cased, and a postal code upper-cased with its spacing
/// made canonical ("1234ab" is "1234 AB" in the Netherlands, "sw1a1aa" is "SW1A 1AA" in the UK).
/// </summary>
public static class PostalAddressRules
{
    public const int MaxLines = 3;

    /// <summary>The widths of the columns an address is stored in.</summary>
    public const int LineLength = 100;

    public const int PostalCodeLength = 20;

    public const int CityLength = 100;

    public const int RegionLength = 100;

    private static readonly FrozenSet<string> UsStates = FrozenSet.ToFrozenSet(
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA",
        "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
        "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI", "AA", "AE", "AP",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> CanadianProvinces = FrozenSet.ToFrozenSet(
        ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> AustralianStates = FrozenSet.ToFrozenSet(
        ["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CountryRule> Rules = new Dictionary<string, CountryRule>
    {
        ["DE"] = new("^[0-9]{5}$", "10115"),
        ["AT"] = new("^[1-9][0-9]{3}$", "1010"),
        ["CH"] = new("^[1-9][0-9]{3}$", "8001"),
        ["FR"] = new("^[0-9]{5}$", "75001"),
        ["ES"] = new("^(0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$", "28013"),
        ["IT"] = new("^[0-9]{5}$", "00184"),
        ["NL"] = new("^[1-9][0-9]{3} [A-Z]{2}$", "1011 AB", Canonical: c => Spaced(c, 4)),
        ["BE"] = new("^[1-9][0-9]{3}$", "1000"),
        ["LU"] = new("^[0-9]{4}$", "1111", Canonical: c => c.StartsWith("L-", StringComparison.Ordinal) ? c[2..] : c),
        ["GB"] = new(
            "^(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2})$",
            "SW1A 1AA", Layout: AddressLayout.CityThenPostalCode, Canonical: c => Spaced(c, InwardCodeStart(c))),
        ["IE"] = new("^([AC-FHKNPRTV-Y][0-9]{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}$", "D02 X285", PostalCodeRequired: false,
            Layout: AddressLayout.CityThenPostalCode, Canonical: c => Spaced(c, 3)),
        ["US"] = new("^[0-9]{5}(-[0-9]{4})?$", "12345 or 12345-6789", Layout: AddressLayout.CityRegionPostalCode, Regions: UsStates,
            RegionName: "state as its two-letter code such as 'NY'"),
        ["CA"] = new("^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$", "K1A 0B1", Layout: AddressLayout.CityRegionPostalCode,
            Canonical: c => Spaced(c, 3), Regions: CanadianProvinces, RegionName: "province or territory as its two-letter code such as 'ON'"),
        ["AU"] = new("^[0-9]{4}$", "2000", Layout: AddressLayout.CityRegionPostalCode, Regions: AustralianStates,
            RegionName: "state or territory as its code such as 'NSW'"),
        ["DK"] = new("^[0-9]{4}$", "1050"),
        ["SE"] = new("^[1-9][0-9]{2} [0-9]{2}$", "111 52", Canonical: c => Spaced(c, 3)),
        ["NO"] = new("^[0-9]{4}$", "0150"),
        ["FI"] = new("^[0-9]{5}$", "00100"),
        ["PL"] = new("^[0-9]{2}-[0-9]{3}$", "00-950", Canonical: c => Separated(c, '-', 2)),
        ["PT"] = new("^[1-9][0-9]{3}-[0-9]{3}$", "1100-148", Canonical: c => Separated(c, '-', 4)),
        ["CZ"] = new("^[1-7][0-9]{2} [0-9]{2}$", "110 00", Canonical: c => Spaced(c, 3)),
        ["JP"] = new("^[0-9]{3}-[0-9]{4}$", "100-0005", Layout: AddressLayout.CityRegionPostalCode, Canonical: c => Separated(c, '-', 3),
            RegionRequired: true, RegionName: "prefecture such as 'Tokyo'"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The countries with a rule of their own; every other country needs street lines and a city only.</summary>
    public static IEnumerable<string> CountriesWithRules => Rules.Keys;

    public static AddressLayout LayoutOf(string country) => Rules.TryGetValue(country, out var rule) ? rule.Layout : AddressLayout.PostalCodeCity;

    /// <summary>Every part the rules refuse, each named; none when the address can be built with <see cref="Normalise"/>.</summary>
    public static IReadOnlyList<AddressProblem> Check(IReadOnlyList<string?>? lines, string? postalCode, string? city, string? region, string? country)
    {
        var problems = new List<AddressProblem>();
        if (lines is null || lines.Count == 0)
        {
            problems.Add(new("lines", "An address needs at least one street line."));
        }
        else if (lines.Count > MaxLines)
        {
            problems.Add(new("lines", $"An address has at most {MaxLines} street lines."));
        }

        for (var i = 0; i < (lines?.Count ?? 0); i++)
        {
            var line = lines![i]?.Trim();
            if (string.IsNullOrEmpty(line))
            {
                problems.Add(new($"lines[{i}]", "A street line is empty."));
            }
            else if (line.Length > LineLength)
            {
                problems.Add(new($"lines[{i}]", $"A street line has at most {LineLength} characters."));
            }
        }

        var cityText = city?.Trim();
        if (string.IsNullOrEmpty(cityText))
        {
            problems.Add(new("city", "An address needs a city."));
        }
        else if (cityText.Length > CityLength)
        {
            problems.Add(new("city", $"A city has at most {CityLength} characters."));
        }

        var code = CountryOf(country);
        if (string.IsNullOrEmpty(code))
        {
            problems.Add(new("country", "An address needs its country, an ISO 3166-1 alpha-2 code such as 'DE'."));
        }
        else if (!Countries.IsKnown(code))
        {
            problems.Add(new("country", $"'{code}' is not an ISO 3166-1 alpha-2 country code such as 'DE'."));
        }

        var rule = code is not null ? Rules.GetValueOrDefault(code) : null;
        problems.AddRange(PostalCodeProblems(PostalCodeOf(postalCode, rule), code, rule));
        problems.AddRange(RegionProblems(RegionOf(region, rule), code, rule));
        return problems;
    }

    /// <summary>The address with its parts normalised; the parts must have passed <see cref="Check"/>.</summary>
    public static PostalAddress Normalise(IReadOnlyList<string?> lines, string? postalCode, string city, string? region, string country)
    {
        var code = CountryOf(country)!;
        var rule = Rules.GetValueOrDefault(code);
        return new PostalAddress(
            lines.Select(line => line!.Trim()).ToList(),
            PostalCodeOf(postalCode, rule),
            city.Trim(),
            RegionOf(region, rule),
            code);
    }

    private static IEnumerable<AddressProblem> PostalCodeProblems(string? postalCode, string? country, CountryRule? rule)
    {
        if (postalCode is null)
        {
            if (rule is { PostalCodeRequired: true })
            {
                yield return new("postalCode", $"An address in {country} needs a postal code, such as {rule.Example}.");
            }
        }
        else if (postalCode.Length > PostalCodeLength)
        {
            yield return new("postalCode", $"A postal code has at most {PostalCodeLength} characters.");
        }
        else if (rule is not null && !rule.PostalCode.IsMatch(postalCode))
        {
            yield return new("postalCode", $"'{postalCode}' is not a postal code of {country}; it looks like {rule.Example}.");
        }
    }

    private static IEnumerable<AddressProblem> RegionProblems(string? region, string? country, CountryRule? rule)
    {
        if (region is null)
        {
            if (rule is { RegionIsRequired: true })
            {
                yield return new("region", $"An address in {country} needs its {rule.RegionName}.");
            }
        }
        else if (region.Length > RegionLength)
        {
            yield return new("region", $"A region has at most {RegionLength} characters.");
        }
        else if (rule?.Regions is { } known && !known.Contains(region))
        {
            yield return new("region", $"'{region}' is not a region of {country}: give the {rule.RegionName}.");
        }
    }

    private static string? CountryOf(string? country) => string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();

    private static string? PostalCodeOf(string? postalCode, CountryRule? rule)
    {
        if (string.IsNullOrWhiteSpace(postalCode))
        {
            return null;
        }

        var collapsed = string.Join(' ', postalCode.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return rule?.Canonical is { } canonical && collapsed.Length <= PostalCodeLength ? canonical(collapsed) : collapsed;
    }

    private static string? RegionOf(string? region, CountryRule? rule)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return null;
        }

        var trimmed = region.Trim();
        return rule?.Regions is null ? trimmed : trimmed.ToUpperInvariant();
    }

    /// <summary>Where a UK postcode's inward code (digit and two letters) starts; none in a code too short to have both halves.</summary>
    private static int InwardCodeStart(string code)
    {
        var length = code.Replace(" ", "", StringComparison.Ordinal).Length;
        return length >= 5 ? length - 3 : 0;
    }

    /// <summary>The code without spaces, with one space before position <paramref name="at"/> ("1234AB" → "1234 AB").</summary>
    private static string Spaced(string code, int at) => Separated(code, ' ', at);

    private static string Separated(string code, char separator, int at)
    {
        var compact = code.Replace(" ", "", StringComparison.Ordinal).Replace(separator.ToString(), "", StringComparison.Ordinal);
        return at > 0 && compact.Length > at ? string.Concat(compact.AsSpan(0, at), separator.ToString(), compact.AsSpan(at)) : compact;
    }

    private sealed record CountryRule(
        string Pattern,
        string Example,
        bool PostalCodeRequired = true,
        AddressLayout Layout = AddressLayout.PostalCodeCity,
        Func<string, string>? Canonical = null,
        IReadOnlySet<string>? Regions = null,
        bool RegionRequired = false,
        string RegionName = "region")
    {
        public Regex PostalCode { get; } = new(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        /// <summary>A country whose regions are a list of codes always needs one; the post sorts by it.</summary>
        public bool RegionIsRequired => RegionRequired || Regions is not null;
    }
}
