using System.Text.RegularExpressions;

namespace Collections.SharedKernel.Portal;

/// <summary>
/// The languages Collections speaks to debtors — the portal's catalogs, the wording of every message (Dunning's
/// `Domain/Languages/`), Stripe Checkout's locale — and how a language tag (a debtor's, a contact's, an
/// Accept-Language entry) maps onto them: the base language picks the portal's catalog, the whole tag is kept for formatting ("de-AT" formats
/// numbers and dates as in Austria), and a tag whose base the portal does not speak maps to nothing.
/// </summary>
public static partial class DebtorLanguages
{
    /// <summary>What the portal falls back to.</summary>
    public const string Default = "en";

    /// <summary>Stripe Checkout's own word for "pick from the browser".</summary>
    public const string StripeAuto = "auto";

    /// <summary>The base languages: the portal's catalogs (wwwroot/portal/i18n/{language}.json) and Dunning's wording.</summary>
    public static readonly IReadOnlyList<string> Supported = ["en", "de", "fr", "es", "nl", "it"];

    /// <summary>The values a checkout request may name as its locale: Stripe's values for the portal's languages, and auto.</summary>
    public static readonly IReadOnlyList<string> StripeLocales = [.. Supported, StripeAuto];

    /// <summary>
    /// The tag in canonical case ("de-at" → "de-AT") when its base language is one the portal speaks; null for a
    /// missing, malformed or unsupported tag.
    /// </summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || !Tag().IsMatch(tag.Trim()))
        {
            return null;
        }

        var parts = tag.Trim().Replace('_', '-').Split('-');
        var language = parts[0].ToLowerInvariant();
        if (!Supported.Contains(language))
        {
            return null;
        }

        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].Length switch
            {
                2 => parts[i].ToUpperInvariant(),
                4 => char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant(),
                _ => parts[i].ToLowerInvariant(),
            };
        }

        parts[0] = language;
        return string.Join('-', parts);
    }

    /// <summary>The base language of a tag the portal speaks ("de-AT" → "de"); null otherwise.</summary>
    public static string? BaseOf(string? tag) => Normalize(tag)?.Split('-')[0];

    /// <summary>
    /// A debtor session's language: the contact's when the contact has one, else the debtor's; null when the one chosen
    /// is not a language the portal speaks (the caller then falls back: the portal to English, Stripe to auto).
    /// </summary>
    public static string? Choose(string? contactLanguage, string? debtorLanguage) =>
        Normalize(string.IsNullOrWhiteSpace(contactLanguage) ? debtorLanguage : contactLanguage);

    /// <summary>The Stripe Checkout locale for a language: its base when the portal speaks it, else auto.</summary>
    public static string StripeLocaleOf(string? tag) => BaseOf(tag) ?? StripeAuto;

    [GeneratedRegex("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")]
    private static partial Regex Tag();
}
