using System.Globalization;
using System.Text.RegularExpressions;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;

namespace Collections.Dunning.Domain.Languages;

/// <summary>
/// How one recipient is written to: the words of their language and the culture their amounts and dates are
/// formatted in. The contact's own language wins over the debtor's.
/// </summary>
internal sealed partial class Voice(Language language, CultureInfo culture)
{
    public Language Language { get; } = language;

    public CultureInfo Culture { get; } = culture;

    /// <summary>The tags a template is looked up by for this recipient, most specific first.</summary>
    public IReadOnlyList<string> Chain { get; private init; } = [language.Code];

    private string countryCode = "";

    /// <summary>The currency of the culture's region: the one whose own symbol the culture may write ($ in en-US).</summary>
    private readonly string regionCurrency = new RegionInfo(culture.Name).ISOCurrencySymbol;

    public static Voice For(DebtorDto debtor, ContactDto? contact, string defaultLanguage) =>
        Reading(string.IsNullOrWhiteSpace(contact?.Language) ? debtor.Language : contact.Language, defaultLanguage, debtor.CountryCode);

    /// <summary>A reader of this language tag in this country (none: staff previewing the templates of a language).</summary>
    public static Voice Reading(string? tag, string defaultLanguage, string countryCode = "")
    {
        var language = Languages.For(tag, defaultLanguage);
        return new Voice(language, Languages.CultureFor(tag, language, countryCode))
        {
            Chain = Languages.Chain(tag, defaultLanguage),
            countryCode = countryCode,
        };
    }

    /// <summary>
    /// The same recipient written to in the language a template was found in, further down their chain: a message is
    /// in one language throughout, never German phrases inside an English template.
    /// </summary>
    public Voice WritingIn(string tag)
    {
        var language = Languages.All[Languages.BaseOf(tag)];
        return language == Language
            ? this
            : new Voice(language, Languages.CultureFor(tag, language, countryCode)) { Chain = Chain, countryCode = countryCode };
    }

    public static Voice English { get; } = new(Languages.All[Languages.Fallback], CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A phrase of the language with its `{name}` values filled in.</summary>
    public string Say(string phrase, params (string Name, object Value)[] values)
    {
        var text = Language.Phrases.TryGetValue(phrase, out var own) ? own : Languages.All[Languages.Fallback].Phrases[phrase];
        return Placeholder().Replace(text, m => values.FirstOrDefault(v => v.Name == m.Groups[1].Value) is { Name: not null } v
            ? Convert.ToString(v.Value, Culture) ?? string.Empty
            : m.Value);
    }

    /// <summary>
    /// An amount as the recipient's culture writes money: its pattern, separators and decimals, with the currency's
    /// symbol where it names one currency only (€, £, or the culture's own currency) and the ISO code otherwise.
    /// </summary>
    public string Amount(long minor, string currency)
    {
        var money = new Money(minor, Currency.Of(currency));
        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = money.Currency.Decimals;
        var own = regionCurrency == money.Currency.Code;
        format.CurrencySymbol = own ? format.CurrencySymbol : money.Currency.Code switch { "EUR" => "€", "GBP" => "£", var code => code };
        if (format.CurrencySymbol.Length == 3 && !own)
        {
            // A code written before the number needs the space a symbol does not ("USD 1,234.56", not "USD1,234.56").
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var pattern => pattern };
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 0 => 14, 1 => 9, 2 => 12, 5 => 8, var pattern => pattern };
        }

        return money.Major.ToString("C", format);
    }

    /// <summary>A day as the culture writes it in full, without the weekday: 4 February 2026, 4. Februar 2026, February 4, 2026.</summary>
    public string Date(DateOnly date) => date.ToString(Weekday().Replace(Culture.DateTimeFormat.LongDatePattern, string.Empty).Trim(), Culture);

    public string MonthAndYear(DateTimeOffset moment) => moment.ToString(Culture.DateTimeFormat.YearMonthPattern, Culture);

    /// <summary>Amounts in several currencies, never added together: "€10.00 and USD 5.00".</summary>
    public string Join(IEnumerable<string> parts) => string.Join(Say("list.and"), parts);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"d{4}[,\s]*")]
    private static partial Regex Weekday();
}
