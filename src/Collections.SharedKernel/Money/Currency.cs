using System.Collections.Frozen;

namespace Collections.SharedKernel;

/// <summary>An ISO 4217 currency and the number of decimals its minor unit has.</summary>
public sealed record Currency
{
    private static readonly FrozenDictionary<string, Currency> Known = new (string Code, int Decimals)[]
    {
        ("AED", 2), ("AUD", 2), ("BGN", 2), ("BHD", 3), ("BRL", 2), ("CAD", 2), ("CHF", 2), ("CLP", 0),
        ("CNY", 2), ("CZK", 2), ("DKK", 2), ("EUR", 2), ("GBP", 2), ("HKD", 2), ("HUF", 2), ("IDR", 2),
        ("ILS", 2), ("INR", 2), ("ISK", 0), ("JOD", 3), ("JPY", 0), ("KRW", 0), ("KWD", 3), ("MXN", 2),
        ("MYR", 2), ("NOK", 2), ("NZD", 2), ("OMR", 3), ("PHP", 2), ("PLN", 2), ("RON", 2), ("SAR", 2),
        ("SEK", 2), ("SGD", 2), ("THB", 2), ("TND", 3), ("TRY", 2), ("TWD", 2), ("UAH", 2), ("USD", 2),
        ("VND", 0), ("ZAR", 2),
    }.ToFrozenDictionary(c => c.Code, c => new Currency(c.Code, c.Decimals), StringComparer.Ordinal);

    private Currency(string code, int decimals)
    {
        Code = code;
        Decimals = decimals;
    }

    public string Code { get; }

    public int Decimals { get; }

    public static IEnumerable<string> Codes => Known.Keys;

    public static bool TryFind(string? code, out Currency currency)
    {
        if (code is not null && Known.TryGetValue(code, out var found))
        {
            currency = found;
            return true;
        }

        currency = null!;
        return false;
    }

    public static Currency Of(string code) =>
        TryFind(code, out var currency) ? currency : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    public override string ToString() => Code;
}
