using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>
/// The portal's message catalogs (wwwroot/portal/i18n/*.json): every language has every English key with the same
/// placeholders, every key the pages use exists, no key is left unused, and every code the API sends has its text.
/// </summary>
public sealed partial class PortalCatalogTests
{
    private static readonly string[] Languages = ["en", "de", "fr", "es", "nl", "it"];

    /// <summary>Words a language writes as English does; any other text equal to the English one is an untranslated key.</summary>
    private static readonly string[] SameAsEnglish = ["IBAN", "BIC / SWIFT", "Portal", "Status", "Bank", "Messages", "Filters", "open"];

    private static string Portal => Path.Combine(RepositoryRoot.Path, "src", "Collections.Api", "wwwroot", "portal");

    private static Dictionary<string, string> Catalog(string language)
    {
        var path = Path.Combine(Portal, "i18n", $"{language}.json");
        Assert.That(File.Exists(path), Is.True, path);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The pages' scripts; i18n.js is the catalog's own implementation and takes keys as variables.</summary>
    private static IEnumerable<(string File, string Text)> Scripts() =>
        Directory.GetFiles(Path.Combine(Portal, "js"), "*.js", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "i18n.js")
            .Select(f => (Path.GetRelativePath(Portal, f), File.ReadAllText(f)));

    [Test]
    public void EveryLanguage_HasEveryEnglishKey_WithTheSamePlaceholders_AndNoOthers()
    {
        var english = Catalog("en");
        Assert.That(english, Has.Count.GreaterThan(100));

        Assert.Multiple(() =>
        {
            foreach (var language in Languages.Skip(1))
            {
                var catalog = Catalog(language);
                Assert.That(english.Keys.Except(catalog.Keys), Is.Empty, $"keys missing from {language}.json");
                Assert.That(catalog.Keys.Except(english.Keys), Is.Empty, $"keys in {language}.json that en.json lacks");
                foreach (var (key, text) in english)
                {
                    if (catalog.TryGetValue(key, out var translated))
                    {
                        Assert.That(translated, Is.Not.Empty, $"{language}: {key}");
                        Assert.That(Placeholders(translated), Is.EqualTo(Placeholders(text)), $"{language}: {key} has other placeholders than English");
                    }
                }
            }
        });
    }

    [Test]
    public void EveryLanguage_TranslatesItsTexts_RatherThanCopyingTheEnglish()
    {
        var english = Catalog("en");

        Assert.Multiple(() =>
        {
            foreach (var language in Languages.Skip(1))
            {
                var copied = Catalog(language)
                    .Where(e => english[e.Key] == e.Value && Letters().IsMatch(Placeholder().Replace(e.Value, "")) && !SameAsEnglish.Contains(e.Value))
                    .Select(e => e.Key);
                Assert.That(copied, Is.Empty, $"{language}.json keeps the English text");
            }
        });
    }

    [Test]
    public void EveryKeyTheScriptsUse_IsInTheEnglishCatalog_AndEveryEnglishKeyIsUsed()
    {
        var english = Catalog("en");
        var used = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var nonLiteral = new List<string>();
        foreach (var (file, text) in Scripts())
        {
            foreach (Match call in KeyCall().Matches(text))
            {
                var key = call.Groups["key"].Value;
                if (call.Groups["fn"].Value == "tn")
                {
                    used.Add($"{key}.one");
                    used.Add($"{key}.other");
                }
                else
                {
                    used.Add(key);
                }
            }

            prefixes.UnionWith(LabelCall().Matches(text).Select(m => m.Groups["prefix"].Value));
            nonLiteral.AddRange(NonLiteralCall().Matches(text).Select(m => $"{file}: {m.Value}"));
        }

        used.UnionWith(StaticKey().Matches(File.ReadAllText(Path.Combine(Portal, "index.html"))).Select(m => m.Groups["key"].Value));

        Assert.That(used, Has.Count.GreaterThan(100), "the scan finds the keys");
        Assert.That(nonLiteral, Is.Empty, "keys are string literals, so this test can check them");
        Assert.That(used.Where(k => !english.ContainsKey(k)).Order(), Is.Empty, "keys the portal uses that en.json lacks");
        Assert.That(prefixes.Where(p => !english.Keys.Any(k => k.StartsWith(p + ".", StringComparison.Ordinal))), Is.Empty, "label() prefixes without texts");
        Assert.That(english.Keys.Where(k => !used.Contains(k) && !prefixes.Any(p => k.StartsWith(p + ".", StringComparison.Ordinal))).Order(), Is.Empty,
            "keys in en.json the portal never uses");
    }

    /// <summary>The codes the API sends that the portal shows: each has its text (a new status must be worded, not shown raw).</summary>
    [TestCase("status.invoice", "Collections.Invoicing.Contracts.InvoiceStatuses, Collections.Invoicing.Contracts")]
    [TestCase("status.dispute", "Collections.Disputes.Contracts.DisputeStatuses, Collections.Disputes.Contracts")]
    [TestCase("dispute.outcome", "Collections.Disputes.Features.Disputes.DisputeOutcomes, Collections.Disputes")]
    [TestCase("dispute.reason", "Collections.Disputes.Features.Disputes.DisputeReasons, Collections.Disputes")]
    [TestCase("status.plan", "Collections.PaymentPlans.Contracts.PaymentPlanStatuses, Collections.PaymentPlans.Contracts")]
    [TestCase("status.installment", "Collections.PaymentPlans.Domain.InstallmentStatuses, Collections.PaymentPlans")]
    [TestCase("status.promise", "Collections.Dunning.Domain.PromiseStatuses, Collections.Dunning")]
    [TestCase("channel", "Collections.Dunning.Domain.Channels, Collections.Dunning")]
    public void EveryCodeTheApiSends_HasItsText(string prefix, string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        var codes = fields.Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(fields.Where(f => f.Name == "All" && f.FieldType == typeof(string[])).SelectMany(f => (string[])f.GetValue(null)!))
            .Distinct()
            .ToList();
        var english = Catalog("en");

        Assert.That(codes, Is.Not.Empty);
        Assert.That(codes.Where(c => !english.ContainsKey($"{prefix}.{c}")), Is.Empty, $"{type.Name} codes without a {prefix}.* text");
    }

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letters();

    [GeneratedRegex(@"\b(?<fn>t|tn|tp)\(\s*'(?<key>[^']+)'")]
    private static partial Regex KeyCall();

    [GeneratedRegex(@"\blabel\(\s*'(?<prefix>[^']+)'")]
    private static partial Regex LabelCall();

    /// <summary>t(…), tn(…), tp(…) or label(…) whose first argument is not a plain string literal.</summary>
    [GeneratedRegex(@"\b(?:t|tn|tp|label)\(\s*(?!')[^)\s]")]
    private static partial Regex NonLiteralCall();

    [GeneratedRegex(@"data-i18n(?:-aria-label)?=""(?<key>[^""]+)""")]
    private static partial Regex StaticKey();
}
