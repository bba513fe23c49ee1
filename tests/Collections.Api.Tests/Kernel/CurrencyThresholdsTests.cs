using Collections.SharedKernel;
using Microsoft.Extensions.Configuration;

namespace Collections.Api.Tests.Kernel;

public sealed class CurrencyThresholdsTests
{
    private static readonly IndicativeRates Rates = IndicativeRates.From(Config(new()
    {
        ["Collections:ReportingCurrency"] = "EUR",
        ["Collections:FxRates:USD"] = "0.92",
        ["Collections:FxRates:KWD"] = "3.0",
        ["Collections:FxRates:IDR"] = "0.000058",
    }));

    [TestCase("EUR", 10_000_00L)]
    [TestCase("USD", 10_869_56L)]
    [TestCase("KWD", 3_333_333L)]
    [TestCase("IDR", 17_241_379_310L)]
    public void ABaseFigure_IsScaledIntoEachCurrencyAtItsRate_InThatCurrencysMinorUnits(string currency, long expected) =>
        Assert.That(CurrencyThresholds.MinorIn(currency, 10_000m, null, Rates, MidpointRounding.ToZero), Is.EqualTo(expected));

    [Test]
    public void ACurrencysOwnFigure_Wins_AndWithoutOneOrARate_ThereIsNone()
    {
        var own = new Dictionary<string, decimal> { ["kwd"] = 2_500m };
        Assert.Multiple(() =>
        {
            Assert.That(CurrencyThresholds.MinorIn("KWD", 10_000m, own, Rates, MidpointRounding.ToZero), Is.EqualTo(2_500_000));
            Assert.That(CurrencyThresholds.MinorIn("JPY", 10_000m, own, Rates, MidpointRounding.ToZero), Is.Null);
        });
    }

    [TestCase(100_00L, "EUR", 100_00L)]
    [TestCase(100_00L, "USD", 92_00L)]
    [TestCase(100_000L, "KWD", 300_00L)]
    [TestCase(10_000L, "JPY", 10_000_00L)]
    public void Ranking_AmountsOfSeveralCurrencies_GoesThroughTheRates_AndOneWithoutARateCountsItsMajorUnits(long minor, string currency, long expected) =>
        Assert.That(Rates.ToReportingMinor(minor, currency), Is.EqualTo(expected));

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("lots")]
    public void ARateThatIsNotAPositiveNumber_IsAConfigurationError(string rate) =>
        Assert.That(() => IndicativeRates.From(Config(new() { ["Collections:FxRates:USD"] = rate })), Throws.InvalidOperationException.With.Message.Contains("FxRates:USD"));

    [Test]
    public void AnUnknownCurrency_IsAConfigurationError() =>
        Assert.That(() => IndicativeRates.From(Config(new() { ["Collections:FxRates:XXX"] = "1" })), Throws.InvalidOperationException);

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
