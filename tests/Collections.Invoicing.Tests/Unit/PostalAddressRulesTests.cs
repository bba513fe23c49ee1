using Collections.SharedKernel;

namespace Collections.Invoicing.Tests.Unit;

/// <summary>The postal-address rules per country (PostalAddressRules), the normalisation and the printed order (PostalAddress.Format).</summary>
public sealed class PostalAddressRulesTests
{
    // country, postal code, region (null where the country needs none), the postal code as normalised
    private static readonly object?[][] ValidCodes =
    [
        ["DE", "10115", null, "10115"],
        ["AT", "1010", null, "1010"],
        ["CH", "8001", null, "8001"],
        ["FR", "75001", null, "75001"],
        ["ES", "28013", null, "28013"],
        ["IT", "00184", "RM", "00184"],
        ["NL", "1011ab", null, "1011 AB"],
        ["NL", "1011  AB", null, "1011 AB"],
        ["BE", "1000", null, "1000"],
        ["LU", "L-1111", null, "1111"],
        ["GB", "sw1a1aa", null, "SW1A 1AA"],
        ["GB", "M1 1AE", null, "M1 1AE"],
        ["GB", "EC1A 1BB", null, "EC1A 1BB"],
        ["GB", "B33 8TH", null, "B33 8TH"],
        ["IE", "d02x285", null, "D02 X285"],
        ["IE", null, null, null],
        ["US", "12345", "NY", "12345"],
        ["US", "12345-6789", "ca", "12345-6789"],
        ["CA", "k1a0b1", "ON", "K1A 0B1"],
        ["AU", "2000", "NSW", "2000"],
        ["DK", "1050", null, "1050"],
        ["SE", "11152", null, "111 52"],
        ["NO", "0150", null, "0150"],
        ["FI", "00100", null, "00100"],
        ["PL", "00950", null, "00-950"],
        ["PL", "00-950", null, "00-950"],
        ["PT", "1100-148", null, "1100-148"],
        ["CZ", "11000", null, "110 00"],
        ["JP", "1000005", "Tokyo", "100-0005"],
        ["BR", "01310-100", null, "01310-100"],
        ["KE", null, null, null],
    ];

    [TestCaseSource(nameof(ValidCodes))]
    public void Check_WhenThePostalCodeFitsItsCountry_AcceptsAndNormalisesIt(string country, string? postalCode, string? region, string? normalised)
    {
        Assert.That(Check(country, postalCode, region), Is.Empty);
        Assert.That(Normalise(country, postalCode, region).PostalCode, Is.EqualTo(normalised));
    }

    // country, postal code, region: each refused for its postal code
    private static readonly object?[][] BadCodes =
    [
        ["DE", "1011", null],
        ["DE", "101155", null],
        ["DE", "1O115", null],
        ["DE", null, null],
        ["AT", "0101", null],
        ["CH", "80011", null],
        ["FR", "7500", null],
        ["ES", "53001", null],
        ["ES", "00123", null],
        ["IT", "0018", "RM"],
        ["NL", "0123 AB", null],
        ["NL", "1234 A1", null],
        ["BE", "0999", null],
        ["LU", "L-111", null],
        ["GB", "SW1A", null],
        ["GB", "QW1 1AA", null],
        ["GB", "SW1A 1CA", null],
        ["IE", "Z99 1234", null],
        ["US", "1234", "NY"],
        ["US", "12345-678", "NY"],
        ["US", null, "NY"],
        ["CA", "D1A 0B1", "ON"],
        ["CA", "K1A0B", "ON"],
        ["AU", "200", "NSW"],
        ["DK", "DK-1050", null],
        ["SE", "011 52", null],
        ["NO", "150", null],
        ["FI", "0010", null],
        ["PL", "0095", null],
        ["PT", "1100", null],
        ["CZ", "810 00", null],
        ["JP", "100-000", "Tokyo"],
        ["BR", "012345678901234567890", null],
    ];

    [TestCaseSource(nameof(BadCodes))]
    public void Check_WhenThePostalCodeDoesNotFitItsCountry_NamesThePostalCode(string country, string? postalCode, string? region) =>
        Assert.That(Check(country, postalCode, region).Select(p => p.Part), Is.EqualTo(new[] { "postalCode" }));

    [TestCase("US", "12345", null)]
    [TestCase("US", "12345", "New York")]
    [TestCase("US", "12345", "XX")]
    [TestCase("CA", "K1A 0B1", null)]
    [TestCase("CA", "K1A 0B1", "NY")]
    [TestCase("AU", "2000", "Sydney")]
    [TestCase("JP", "100-0005", null)]
    [TestCase("JP", "100-0005", "  ")]
    public void Check_WhenTheCountryNeedsARegionAndItIsMissingOrUnknown_NamesTheRegion(string country, string postalCode, string? region) =>
        Assert.That(Check(country, postalCode, region).Select(p => p.Part), Is.EqualTo(new[] { "region" }));

    [TestCase("DE", "10115", "Berlin")]
    [TestCase("GB", "SW1A 1AA", "Greater London")]
    [TestCase("KE", null, "Nairobi County")]
    public void Check_WhenTheCountryNeedsNoRegion_TakesOneAsText(string country, string? postalCode, string region)
    {
        Assert.That(Check(country, postalCode, region), Is.Empty);
        Assert.That(Normalise(country, postalCode, region).Region, Is.EqualTo(region));
    }

    [Test]
    public void Check_WhenEveryPartIsMissing_NamesEachPart()
    {
        var parts = PostalAddressRules.Check(null, null, null, null, null).Select(p => p.Part);

        Assert.That(parts, Is.EquivalentTo(new[] { "lines", "city", "country" }));
    }

    [TestCase("de")]
    [TestCase(" DE ")]
    public void Normalise_TrimsEveryPartAndUpperCasesTheCountry(string country)
    {
        Assert.That(PostalAddressRules.Check(["  Unter den Linden 1 "], " 10117 ", " Berlin ", null, country), Is.Empty);

        var address = PostalAddressRules.Normalise(["  Unter den Linden 1 "], " 10117 ", " Berlin ", null, country);

        Assert.That(address, Has.Property(nameof(PostalAddress.Country)).EqualTo("DE")
            .And.Property(nameof(PostalAddress.City)).EqualTo("Berlin")
            .And.Property(nameof(PostalAddress.PostalCode)).EqualTo("10117"));
        Assert.That(address.Lines, Is.EqualTo(new[] { "Unter den Linden 1" }));
    }

    [TestCase("XX")]
    [TestCase("EU")]
    [TestCase("DEU")]
    [TestCase("D")]
    public void Check_WhenTheCountryIsNoIsoCode_NamesTheCountry(string country) =>
        Assert.That(PostalAddressRules.Check(["Main Street 1"], null, "Town", null, country).Select(p => p.Part), Is.EqualTo(new[] { "country" }));

    [Test]
    public void Check_WhenAStreetLineIsEmptyOrTooLong_NamesThatLine()
    {
        var problems = PostalAddressRules.Check(["Hauptstraße 1", " ", null, new string('a', 101)], "10115", "Berlin", null, "DE").Select(p => p.Part);

        Assert.That(problems, Is.EquivalentTo(new[] { "lines", "lines[1]", "lines[2]", "lines[3]" }));
    }

    [Test]
    public void Check_AtTheColumnWidths_AcceptsAndOneMoreIsRefused()
    {
        var line = new string('a', PostalAddressRules.LineLength);
        var city = new string('c', PostalAddressRules.CityLength);
        var region = new string('r', PostalAddressRules.RegionLength);

        Assert.That(PostalAddressRules.Check([line, line, line], null, city, region, "KE"), Is.Empty);
        Assert.That(PostalAddressRules.Check([line + "a"], null, city + "c", region + "r", "KE").Select(p => p.Part),
            Is.EquivalentTo(new[] { "lines[0]", "city", "region" }));
        Assert.That(PostalAddressRules.Check([line], null, city, null, null).Select(p => p.Part), Is.EqualTo(new[] { "country" }));
    }

    [Test]
    public void Check_EveryCountryWithARule_IsAnIsoCountry() =>
        Assert.That(PostalAddressRules.CountriesWithRules.Where(c => !Countries.IsKnown(c)), Is.Empty);

    [Test]
    public void Format_InMostOfEurope_PrintsThePostalCodeBeforeTheCityAndTheCountryAbroad()
    {
        var address = Normalise("DE", "10115", null) with { Lines = ["Invalidenstraße 117", "Hinterhaus"] };

        Assert.That(address.Format("FR"), Is.EqualTo(new[] { "Invalidenstraße 117", "Hinterhaus", "10115 Berlin", "GERMANY" }));
        Assert.That(address.Format("DE"), Is.EqualTo(new[] { "Invalidenstraße 117", "Hinterhaus", "10115 Berlin" }), "no country line at home");
        Assert.That(address.Format(), Has.Count.EqualTo(4).And.Contains("GERMANY"), "without a home country the country is always printed");
    }

    [Test]
    public void Format_InItaly_PrintsTheProvinceAfterTheCity() =>
        Assert.That(Normalise("IT", "00184", "RM").Format("IT"), Is.EqualTo(new[] { "Main Street 1", "00184 Berlin RM" }));

    [TestCase("US", "62704", "IL", "Berlin, IL 62704", "UNITED STATES")]
    [TestCase("CA", "K1A 0B1", "ON", "Berlin, ON K1A 0B1", "CANADA")]
    [TestCase("JP", "100-0005", "Tokyo", "Berlin, Tokyo 100-0005", "JAPAN")]
    public void Format_InNorthAmericaAndJapan_PrintsCityRegionAndPostalCodeOnOneLine(string country, string postalCode, string region, string line, string countryLine) =>
        Assert.That(Normalise(country, postalCode, region).Format("DE"), Is.EqualTo(new[] { "Main Street 1", line, countryLine }));

    [Test]
    public void Format_InTheUk_PrintsTheTownThenThePostcodeOnTheirOwnLines() =>
        Assert.That(Normalise("GB", "sw1a 1aa", "Greater London").Format("DE"),
            Is.EqualTo(new[] { "Main Street 1", "Berlin", "Greater London", "SW1A 1AA", "UNITED KINGDOM" }));

    [Test]
    public void Format_InACountryWithoutARule_PrintsWhatWasGiven() =>
        Assert.That(Normalise("KE", null, "Nairobi County").Format("KE"), Is.EqualTo(new[] { "Main Street 1", "Berlin", "Nairobi County" }));

    private static IReadOnlyList<AddressProblem> Check(string country, string? postalCode, string? region) =>
        PostalAddressRules.Check(["Main Street 1"], postalCode, "Berlin", region, country);

    private static PostalAddress Normalise(string country, string? postalCode, string? region) =>
        PostalAddressRules.Normalise(["Main Street 1"], postalCode, "Berlin", region, country);
}
