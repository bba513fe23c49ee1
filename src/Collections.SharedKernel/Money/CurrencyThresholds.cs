using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Collections.SharedKernel;

/// <summary>
/// Indicative exchange rates, from configuration: `Collections:ReportingCurrency` (default EUR) and
/// `Collections:FxRates:{CODE}`, what one unit of that currency is worth in the reporting currency (USD: 0.92). They
/// only scale thresholds into other currencies; no amount a debtor owes or pays is ever converted with them.
/// </summary>
public sealed class IndicativeRates
{
    public const string ReportingCurrencySetting = "Collections:ReportingCurrency";
    public const string RatesSection = "Collections:FxRates";

    private readonly IReadOnlyDictionary<string, decimal> rates;

    public IndicativeRates(string reportingCurrency, IReadOnlyDictionary<string, decimal> rates)
    {
        ReportingCurrency = Currency.Of(reportingCurrency).Code;
        this.rates = rates.Where(r => r.Value > 0).ToDictionary(r => r.Key.ToUpperInvariant(), r => r.Value);
    }

    public string ReportingCurrency { get; }

    public static IndicativeRates None { get; } = new("EUR", new Dictionary<string, decimal>());

    /// <summary>Reads the settings; a rate that is not a positive number is a configuration error, named.</summary>
    public static IndicativeRates From(IConfiguration configuration)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in configuration.GetSection(RatesSection).GetChildren())
        {
            if (!Currency.TryFind(entry.Key.ToUpperInvariant(), out _)
                || !decimal.TryParse(entry.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
            {
                throw new InvalidOperationException($"{RatesSection}:{entry.Key} must be a known currency with a positive rate (is '{entry.Value}').");
            }

            rates[entry.Key] = rate;
        }

        return new IndicativeRates(configuration[ReportingCurrencySetting] ?? "EUR", rates);
    }

    /// <summary>
    /// An amount as indicative minor units of the reporting currency, for ranking amounts in several currencies
    /// against each other (never for booking); a currency without a rate counts its major units one to one.
    /// </summary>
    public long ToReportingMinor(long minor, string currency)
    {
        var amount = new Money(minor, Currency.Of(currency));
        var reporting = Currency.Of(ReportingCurrency);
        var major = amount.Major * (RateOf(amount.Currency.Code) ?? 1m);
        return decimal.ToInt64(decimal.Round(major, reporting.Decimals, MidpointRounding.AwayFromZero) * (decimal)Math.Pow(10, reporting.Decimals));
    }

    /// <summary>What one unit of the currency is worth in the reporting currency, or null when no rate is set.</summary>
    public decimal? RateOf(string currency) =>
        string.Equals(currency, ReportingCurrency, StringComparison.OrdinalIgnoreCase) ? 1m : rates.GetValueOrDefault(currency.ToUpperInvariant()) is var r && r > 0 ? r : null;
}

/// <summary>
/// A threshold a rule compares with (a plan that is approved on the spot, a balance too small to chase), set once for
/// every currency: its own figure where one is configured (major units of that currency), else the base figure
/// (major units of the reporting currency) converted at the indicative rate, else none — and a rule without a
/// threshold in a currency does not act on its own there: 10,000 means 10,000 EUR, never 10,000 KWD or 10,000 IDR.
/// </summary>
public static class CurrencyThresholds
{
    public static long? MinorIn(string currency, decimal baseAmount, IReadOnlyDictionary<string, decimal>? byCurrency, IndicativeRates rates,
        MidpointRounding rounding)
    {
        var target = Currency.Of(currency);
        var own = byCurrency?.FirstOrDefault(c => string.Equals(c.Key, target.Code, StringComparison.OrdinalIgnoreCase));
        decimal major;
        if (own is { Key: not null } configured)
        {
            major = configured.Value;
        }
        else if (rates.RateOf(target.Code) is { } rate)
        {
            major = baseAmount / rate;
        }
        else
        {
            return null;
        }

        return Money.FromMajor(decimal.Round(major, target.Decimals, rounding), target).Minor;
    }
}
