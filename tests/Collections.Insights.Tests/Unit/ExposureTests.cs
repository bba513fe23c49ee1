using Collections.Insights.Domain;
using Collections.SharedKernel;

namespace Collections.Insights.Tests.Unit;

/// <summary>Indicative rates, EUR the reporting currency: 1 USD = 0.92 EUR, 1 JPY = 0.0062 EUR, 1 KWD = 2.98 EUR.</summary>
public sealed class ExposureTests
{
    private static readonly IndicativeRates Rates = new("EUR", new Dictionary<string, decimal> { ["USD"] = 0.92m, ["JPY"] = 0.0062m, ["KWD"] = 2.98m });

    private static Money M(long minor, string currency) => new(minor, Currency.Of(currency));

    [TestCase(300_00, "USD", "EUR", 276_00, TestName = "ConvertMinor_WhenUsdToEur_MultipliesByTheRate")]
    [TestCase(5000, "JPY", "EUR", 31_00, TestName = "ConvertMinor_WhenJpyToEur_ScalesFromNoDecimalsToTwo")]
    [TestCase(1_234, "KWD", "EUR", 3_68, TestName = "ConvertMinor_WhenKwdToEur_ScalesFromThreeDecimalsAndRoundsToTheCent")]
    [TestCase(10_00, "EUR", "JPY", 1613, TestName = "ConvertMinor_WhenEurToJpy_RoundsToTheWholeYen")]
    [TestCase(100_00, "EUR", "KWD", 33_557, TestName = "ConvertMinor_WhenEurToKwd_RoundsToTheFils")]
    [TestCase(1000, "JPY", "USD", 6_74, TestName = "ConvertMinor_WhenNeitherIsTheReportingCurrency_GoesThroughIt")]
    [TestCase(-300_00, "USD", "EUR", -276_00, TestName = "ConvertMinor_WhenNegative_KeepsTheSign")]
    public void ConvertMinor_Converts(long minor, string from, string to, long expected) =>
        Assert.That(Exposure.ConvertMinor(M(minor, from), Currency.Of(to), Rates), Is.EqualTo(expected));

    [Test]
    public void ConvertMinor_WhenExactlyHalfAMinorUnit_RoundsAwayFromZero()
    {
        var rates = new IndicativeRates("EUR", new Dictionary<string, decimal> { ["USD"] = 0.925m });

        Assert.Multiple(() =>
        {
            Assert.That(Exposure.ConvertMinor(M(1_00, "USD"), Currency.Of("EUR"), rates), Is.EqualTo(93), "0.925 EUR → 0.93, not the banker's 0.92");
            Assert.That(Exposure.ConvertMinor(M(-1_00, "USD"), Currency.Of("EUR"), rates), Is.EqualTo(-93));
        });
    }

    [Test]
    public void ConvertMinor_WhenEitherCurrencyHasNoRate_IsNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Exposure.ConvertMinor(M(100_00, "GBP"), Currency.Of("EUR"), Rates), Is.Null, "no GBP rate");
            Assert.That(Exposure.ConvertMinor(M(100_00, "EUR"), Currency.Of("GBP"), Rates), Is.Null, "no rate for the target");
            Assert.That(Exposure.ConvertMinor(M(100_00, "GBP"), Currency.Of("GBP"), Rates), Is.EqualTo(100_00), "the same currency needs none");
        });
    }

    [Test]
    public void Of_WhenSomeCurrenciesHaveNoRate_AddsTheOthersAndKeepsThoseAsideInOrder()
    {
        var exposure = Exposure.Of([M(5_00, "GBP"), M(300_00, "USD"), M(0, "CHF"), M(1_200_00, "EUR"), M(100_00, "AUD")], Currency.Of("EUR"), Rates);

        Assert.Multiple(() =>
        {
            Assert.That(exposure.Total, Is.EqualTo(M(1_476_00, "EUR")), "1,200.00 + 276.00");
            Assert.That(exposure.IsIndicative, Is.True);
            Assert.That(Exposure.Named(exposure.Converted), Is.EqualTo("1200.00 EUR and 300.00 USD"));
            Assert.That(Exposure.Named(exposure.NotConverted), Is.EqualTo("100.00 AUD and 5.00 GBP"), "by code; a zero balance is not named");
        });
    }

    [Test]
    public void Of_WhenOnlyTheTargetCurrency_IsTheExactSumAndNotIndicative()
    {
        var exposure = Exposure.Of([M(12_345, "KWD")], Currency.Of("KWD"), IndicativeRates.None);

        Assert.Multiple(() =>
        {
            Assert.That(exposure.Total, Is.EqualTo(M(12_345, "KWD")));
            Assert.That(exposure.IsIndicative, Is.False);
            Assert.That(exposure.NotConverted, Is.Empty);
        });
    }
}
