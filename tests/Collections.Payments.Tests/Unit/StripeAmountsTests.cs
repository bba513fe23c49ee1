using Collections.Payments.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Errors;

namespace Collections.Payments.Tests.Unit;

/// <summary>Every currency Collections knows, against Stripe's rules for API amounts (https://docs.stripe.com/currencies).</summary>
public sealed class StripeAmountsTests
{
    private static readonly HashSet<string> StripeZeroDecimal = ["CLP", "JPY", "KRW", "VND"];
    private static readonly HashSet<string> StripeThreeDecimal = ["BHD", "JOD", "KWD", "OMR", "TND"];

    private static IEnumerable<string> Codes() => Currency.Codes.Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Codes))]
    public void OneMajorUnit_IsWhatStripeExpects(string code)
    {
        var currency = Currency.Of(code);
        var oneMajor = Money.FromMajor(1m, currency).Minor;

        var expected = code == "ISK" ? 100 : StripeZeroDecimal.Contains(code) ? 1 : StripeThreeDecimal.Contains(code) ? 1000 : 100;

        Assert.That(StripeAmounts.ToStripe(oneMajor, currency), Is.EqualTo(expected));
        Assert.That(StripeAmounts.FromStripe(expected, currency), Is.EqualTo(oneMajor), "and back");
    }

    [Test]
    public void An150000KronurInvoice_IsSentAs15000000_AndReadBackWhole()
    {
        var isk = Currency.Of("ISK");

        Assert.That(StripeAmounts.ToStripe(150_000, isk), Is.EqualTo(15_000_000));
        Assert.That(StripeAmounts.FromStripe(15_000_000, isk), Is.EqualTo(150_000));
        Assert.That(StripeAmounts.FromStripe(15_000_050, isk), Is.Null, "half a krona is no amount of ours");
    }

    [TestCase("KWD", 12_340, 12_340L)]
    [TestCase("KWD", 12_345, null)]
    [TestCase("BHD", 1, null)]
    [TestCase("TND", 10, 10L)]
    public void AThreeDecimalAmount_GoesToStripeInTens(string code, long minor, long? expected)
    {
        Assert.That(StripeAmounts.ToStripe(minor, Currency.Of(code)), Is.EqualTo(expected));
    }

    [Test]
    public void AnAmountStripeCannotTake_IsRefusedWithTheStep()
    {
        var refused = Assert.Throws<BusinessRuleException>(() => StripeGateway.ToStripe(12_345, Currency.Of("KWD")));

        Assert.That(refused!.Message, Does.Contain("12.345 KWD").And.Contain("0.010 KWD"));
    }
}
