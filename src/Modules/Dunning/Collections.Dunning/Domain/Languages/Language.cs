using System.Globalization;
using Collections.SharedKernel.Portal;

namespace Collections.Dunning.Domain.Languages;

/// <summary>A template's wording in one language; its channel and tone are the template's own, whatever the language.</summary>
internal sealed record TemplateText(string Key, string Subject, string Body);

/// <summary>
/// A language Collections writes to debtors in: the phrases its code puts together (next steps, invoice lines,
/// acknowledgement details; `{name}` marks a value) and the wording it seeds every template with.
/// </summary>
internal sealed record Language(string Code, IReadOnlyDictionary<string, string> Phrases, IReadOnlyList<TemplateText> Templates);

/// <summary>
/// The languages a debtor can be written to in, and which one a recipient gets: its exact tag (de-AT), else the tag's
/// language (de), else the creditor's default (`Dunning:DefaultLanguage`), else English. A tag Collections has no words
/// for (pt, or a malformed one) falls through the same chain; it never fails a message.
/// </summary>
internal static class Languages
{
    public const string Fallback = "en";

    public static readonly IReadOnlyDictionary<string, Language> All = new[]
    {
        English.Language, German.Language, Spanish.Language, Italian.Language, French.Language, Dutch.Language,
    }.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>A tag templates may be written for: a supported language, with or without a region (de, de-AT).</summary>
    public static bool IsSupported(string? tag) => DebtorLanguages.Normalize(tag) is not null;

    public static bool IsEnglish(string tag) => BaseOf(tag) == Fallback;

    /// <summary>The tags to look a template up by, most specific first: exact tag, its language, the default, English.</summary>
    public static IReadOnlyList<string> Chain(string? tag, string defaultLanguage)
    {
        var chain = new List<string>();
        void Add(string? candidate)
        {
            if (IsSupported(candidate) && !chain.Contains(candidate!, StringComparer.OrdinalIgnoreCase))
            {
                chain.Add(Normalize(candidate!));
            }
        }

        Add(tag);
        Add(tag is null ? null : BaseOf(tag));
        Add(defaultLanguage);
        Add(IsSupported(defaultLanguage) ? BaseOf(defaultLanguage) : null);
        Add(Fallback);
        return chain;
    }

    /// <summary>The language whose words a recipient with this tag reads.</summary>
    public static Language For(string? tag, string defaultLanguage) => All[BaseOf(Chain(tag, defaultLanguage)[0])];

    /// <summary>de-at → de-AT, DE → de: one spelling per tag, so a template is found whichever way the ERP wrote it.</summary>
    public static string Normalize(string tag) => DebtorLanguages.Normalize(tag) ?? tag;

    public static string BaseOf(string tag) => tag.Split('-')[0].ToLowerInvariant();

    /// <summary>
    /// How amounts and dates look to the recipient: the tag's own culture when it names a region (de-AT), else the
    /// language as spoken in the debtor's country (de + CH → de-CH) when such a culture exists, else the language's
    /// usual one (de-DE; English falls back to en-GB, not en-US).
    /// </summary>
    public static CultureInfo CultureFor(string? tag, Language language, string countryCode)
    {
        if (DebtorLanguages.Normalize(tag) is { } normal && BaseOf(normal) == language.Code && normal.Contains('-') && Known(normal) is { IsNeutralCulture: false } exact)
        {
            return exact;
        }

        return (countryCode.Length == 2 ? Known($"{language.Code}-{countryCode}") : null) ?? (language.Code == Fallback ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.CreateSpecificCulture(language.Code));
    }

    private static CultureInfo? Known(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
