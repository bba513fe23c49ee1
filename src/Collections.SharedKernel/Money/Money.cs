using System.Globalization;

namespace Collections.SharedKernel;

/// <summary>An amount in integer minor units of one currency. Arithmetic never mixes currencies.</summary>
public readonly record struct Money(long Minor, Currency Currency) : IComparable<Money>
{
    public static Money Zero(Currency currency) => new(0, currency);

    public static Money FromMajor(decimal amount, Currency currency)
    {
        if (!HasValidScale(amount, currency))
        {
            throw new ArgumentException($"{amount} has more than {currency.Decimals} decimals for {currency.Code}.", nameof(amount));
        }

        return new Money(decimal.ToInt64(amount * Pow10(currency.Decimals)), currency);
    }

    public static bool HasValidScale(decimal amount, Currency currency) =>
        decimal.Round(amount, currency.Decimals) == amount && Math.Abs(amount) <= MaxMajor(currency);

    /// <summary>Major units carrying the currency's scale, so 1190 EUR is written as 1190.00.</summary>
    public decimal Major
    {
        get
        {
            var magnitude = Minor == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(Minor);
            return new decimal((int)(magnitude & 0xFFFF_FFFF), (int)(magnitude >> 32), 0, Minor < 0, (byte)Currency.Decimals);
        }
    }

    public bool IsZero => Minor == 0;

    public bool IsNegative => Minor < 0;

    public bool IsPositive => Minor > 0;

    public static Money operator +(Money a, Money b) => new(checked(a.Minor + b.SameCurrencyAs(a).Minor), a.Currency);

    public static Money operator -(Money a, Money b) => new(checked(a.Minor - b.SameCurrencyAs(a).Minor), a.Currency);

    public static Money operator -(Money a) => new(checked(-a.Minor), a.Currency);

    public static bool operator <(Money a, Money b) => a.CompareTo(b) < 0;

    public static bool operator >(Money a, Money b) => a.CompareTo(b) > 0;

    public static bool operator <=(Money a, Money b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Money a, Money b) => a.CompareTo(b) >= 0;

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public int CompareTo(Money other) => Minor.CompareTo(other.SameCurrencyAs(this).Minor);

    /// <summary>The given percent of this amount, rounded half away from zero to the minor unit.</summary>
    public Money PercentOf(decimal percent) =>
        new(decimal.ToInt64(decimal.Round(Minor * percent / 100m, 0, MidpointRounding.AwayFromZero)), Currency);

    public MoneyDto ToDto() => new(Major, Currency.Code);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major.ToString("F" + Currency.Decimals, CultureInfo.InvariantCulture)} {Currency.Code}");

    private Money SameCurrencyAs(Money other) =>
        Currency == other.Currency ? this : throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");

    private static long Pow10(int decimals)
    {
        long result = 1;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10;
        }

        return result;
    }

    // Keeps minor units inside long with room for sums of many amounts.
    private static decimal MaxMajor(Currency currency) => currency.Decimals > 2 ? 1_000_000_000_000m : 10_000_000_000_000m;
}

/// <summary>Money on the wire: major units as a JSON number and an ISO 4217 code.</summary>
public sealed record MoneyDto(decimal Amount, string Currency)
{
    public Money ToMoney() => Money.FromMajor(Amount, SharedKernel.Currency.Of(Currency));

    public static MoneyDto Of(long minor, string currency) => new Money(minor, SharedKernel.Currency.Of(currency)).ToDto();
}
