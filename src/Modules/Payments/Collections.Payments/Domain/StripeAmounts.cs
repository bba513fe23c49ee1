using Collections.SharedKernel;

namespace Collections.Payments.Domain;

/// <summary>
/// Collections' minor units and Stripe's API amounts differ for some currencies (https://docs.stripe.com/currencies):
/// ISK has no minor unit, but Stripe's API still takes it with two decimals, which must be 00; the three-decimal
/// currencies (BHD, JOD, KWD, OMR, TND) are taken in thousandths whose last digit must be 0. Every amount sent to or
/// read from Stripe goes through here.
/// </summary>
internal static class StripeAmounts
{
    private const int TwoDecimalsForWholeUnits = 100;
    private const int ThousandthsPerStripeStep = 10;

    /// <summary>The amount Stripe takes for <paramref name="minor"/>, or null when Stripe cannot charge it exactly.</summary>
    public static long? ToStripe(long minor, Currency currency) => currency.Code switch
    {
        "ISK" => minor * TwoDecimalsForWholeUnits,
        _ when currency.Decimals == 3 => minor % ThousandthsPerStripeStep == 0 ? minor : null,
        _ => minor,
    };

    /// <summary>Collections' minor units for an amount Stripe reports, or null when it is not a whole number of them.</summary>
    public static long? FromStripe(long amount, Currency currency) => currency.Code switch
    {
        "ISK" => amount % TwoDecimalsForWholeUnits == 0 ? amount / TwoDecimalsForWholeUnits : null,
        _ => amount,
    };

    /// <summary>The smallest step Stripe charges in, in Collections' minor units.</summary>
    public static long StepOf(Currency currency) => currency.Decimals == 3 ? ThousandthsPerStripeStep : 1;
}
