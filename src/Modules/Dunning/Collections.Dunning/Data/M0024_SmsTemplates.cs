using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;
using FluentMigrator;

namespace Collections.Dunning.Data;

/// <summary>The SMS reminders (friendly, firm, final) and their wording in German, French, Spanish, Dutch and Italian.</summary>
[Migration(600_024, "Dunning: the SMS reminder templates in every language")]
public sealed class M0024_SmsTemplates : Migration
{
    private static readonly DateTime SeededAt = new(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc);

    public override void Up()
    {
        foreach (var (key, channel, tone, subject, body) in SeedTemplates.Sms)
        {
            Insert.IntoTable("dunning_templates").Row(new { template_key = key, channel, tone, subject, body, version = 1, updated_at = SeededAt });
        }

        foreach (var (language, texts) in SmsTexts.ByLanguage.Where(l => l.Key != Languages.Fallback))
        {
            foreach (var text in texts)
            {
                Insert.IntoTable("dunning_template_translations").Row(new { template_key = text.Key, language, subject = text.Subject, body = text.Body, version = 1, updated_at = SeededAt });
            }
        }
    }

    public override void Down()
    {
        foreach (var (key, _, _, _, _) in SeedTemplates.Sms)
        {
            Delete.FromTable("dunning_template_translations").Row(new { template_key = key });
            Delete.FromTable("dunning_templates").Row(new { template_key = key });
        }
    }
}
