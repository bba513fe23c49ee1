using Collections.Dunning.Domain.Languages;
using Collections.SharedKernel.Data;

namespace Collections.Dunning.Domain;

/// <summary>
/// The templates and their wording in every language. A template's key, channel and tone, with its English wording,
/// are a row of `dunning_templates`; its wording in another language (or regional variant such as de-AT) is a row of
/// `dunning_template_translations`.
/// </summary>
internal sealed class TemplateBook(IReadOnlyDictionary<string, TemplateRow> templates, IReadOnlyDictionary<(string Key, string Language), TemplateRow> translations)
{
    private const string Columns = "template_key AS TemplateKey, channel AS Channel, tone AS Tone, subject AS Subject, body AS Body, version AS Version, updated_at AS UpdatedAt";
    private const string TemplatesSql = "SELECT " + Columns + " FROM dunning_templates";
    private const string TemplateSql = "SELECT " + Columns + " FROM dunning_templates WHERE template_key = @Key";
    private const string TranslationColumns = "template_key AS TemplateKey, language AS Language, subject AS Subject, body AS Body, version AS Version, updated_at AS UpdatedAt";
    private const string TranslationsSql = "SELECT " + TranslationColumns + " FROM dunning_template_translations";
    private const string TranslationsOfSql = "SELECT " + TranslationColumns + " FROM dunning_template_translations WHERE template_key = @Key";

    /// <summary>The templates by key, each in English.</summary>
    public IReadOnlyDictionary<string, TemplateRow> ByKey { get; } = templates;

    public static async Task<TemplateBook> LoadAsync(DbSession db, CancellationToken ct) => new(
        (await db.QueryAsync<TemplateRow>(TemplatesSql, ct: ct)).ToDictionary(t => t.TemplateKey),
        (await db.QueryAsync<TemplateRow>(TranslationsSql, ct: ct)).ToDictionary(t => (t.TemplateKey, t.Language)));

    /// <summary>One template with all its translations (none when the key is unknown).</summary>
    public static async Task<TemplateBook> LoadAsync(DbSession db, string key, CancellationToken ct) => new(
        (await db.QueryAsync<TemplateRow>(TemplateSql, new { Key = key }, ct)).ToDictionary(t => t.TemplateKey),
        (await db.QueryAsync<TemplateRow>(TranslationsOfSql, new { Key = key }, ct)).ToDictionary(t => (t.TemplateKey, t.Language)));

    /// <summary>
    /// The template as this recipient reads it: the wording of the first tag of their chain it is written in, with
    /// the template's channel and tone.
    /// </summary>
    public TemplateRow InLanguageOf(TemplateRow template, Voice voice)
    {
        foreach (var tag in voice.Chain)
        {
            if (tag == Languages.Languages.Fallback)
            {
                return template;
            }

            if (translations.TryGetValue((template.TemplateKey, tag), out var translated))
            {
                return translated with { Channel = template.Channel, Tone = template.Tone };
            }
        }

        return template;
    }
}
