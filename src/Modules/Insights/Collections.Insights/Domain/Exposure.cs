using Collections.SharedKernel;

namespace Collections.Insights.Domain;

/// <summary>
/// Amounts in several currencies (a debtor's open balances) seen in one currency, a credit limit's or the reporting
/// currency, at the indicative rates (`Collections:FxRates`), for comparing and ranking only: nothing is booked with it.
/// Each currency's amount is converted once, as major units × its rate ÷ the target's rate, rounded half away from
/// zero to the target's minor unit, and the converted amounts are added in integer minor units. An amount in a
/// currency without a rate (every other currency, when the target itself has none) is not converted: it is kept
/// aside and named, never counted as zero or one to one.
/// </summary>
internal sealed record Exposure(Currency In, long ConvertedMinor, IReadOnlyList<Money> Converted, IReadOnlyList<Money> NotConverted)
{
    public Money Total => new(ConvertedMinor, In);

    /// <summary>More than one currency went into the total, so it is an indicative figure rather than a sum.</summary>
    public bool IsIndicative => Converted.Count > 1 || Converted.Any(m => m.Currency != In);

    public static Exposure Of(IEnumerable<Money> amounts, Currency target, IndicativeRates rates)
    {
        var converted = new List<Money>();
        var notConverted = new List<Money>();
        long total = 0;
        foreach (var amount in InOrder(amounts.Where(a => !a.IsZero), target))
        {
            if (ConvertMinor(amount, target, rates) is { } minor)
            {
                total = checked(total + minor);
                converted.Add(amount);
            }
            else
            {
                notConverted.Add(amount);
            }
        }

        return new Exposure(target, total, converted, notConverted);
    }

    /// <summary>The amount in minor units of the target currency, or null when either currency has no indicative rate.</summary>
    public static long? ConvertMinor(Money amount, Currency target, IndicativeRates rates)
    {
        if (amount.Currency == target)
        {
            return amount.Minor;
        }

        if (rates.RateOf(amount.Currency.Code) is not { } from || rates.RateOf(target.Code) is not { } to)
        {
            return null;
        }

        var major = decimal.Round(amount.Major * from / to, target.Decimals, MidpointRounding.AwayFromZero);
        return decimal.ToInt64(major * Pow10(target.Decimals));
    }

    /// <summary>"1200.00 EUR, 300.00 USD and 5000 JPY": the target currency first, then by code, so texts stay deterministic.</summary>
    public static string Named(IEnumerable<Money> amounts)
    {
        var parts = amounts.Select(a => a.ToString()).ToList();
        return parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts[..^1]) + " and " + parts[^1];
    }

    /// <summary>The currencies' codes in the same order: "USD and JPY".</summary>
    public static string Codes(IEnumerable<Money> amounts)
    {
        var codes = amounts.Select(a => a.Currency.Code).ToList();
        return codes.Count <= 1 ? string.Concat(codes) : string.Join(", ", codes[..^1]) + " and " + codes[^1];
    }

    public static IEnumerable<Money> InOrder(IEnumerable<Money> amounts, Currency first) =>
        amounts.OrderBy(a => a.Currency == first ? 0 : 1).ThenBy(a => a.Currency.Code, StringComparer.Ordinal);

    private static decimal Pow10(int decimals)
    {
        var result = 1m;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
