using Collections.Dunning.Domain.Languages;
using FluentMigrator;

namespace Collections.Dunning.Data;

/// <summary>
/// Templates in the debtor's language: a template's wording per language (or regional variant), seeded with the
/// German, French, Spanish, Dutch and Italian wording of every template. English templates greet through
/// {{salutation}}, which each language fills with its own customary greeting.
/// </summary>
[Migration(600_021, "Dunning: template wording per language, and {{salutation}} in the English templates")]
public sealed class M0021_TemplateTranslations : Migration
{
    private const string EnglishGreeting = "<p>Dear {{contactFirstName}},</p>";

    public override void Up()
    {
        Create.Table("dunning_template_translations")
            .WithColumn("template_key").AsString(60).NotNullable().PrimaryKey()
            .WithColumn("language").AsString(20).NotNullable().PrimaryKey()
            .WithColumn("subject").AsString(300).NotNullable()
            .WithColumn("body").AsString(int.MaxValue).NotNullable()
            .WithColumn("version").AsInt32().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();

        var seededAt = new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc);
        foreach (var language in Languages.All.Values.Where(l => l.Code != Languages.Fallback))
        {
            foreach (var text in language.Templates)
            {
                Insert.IntoTable("dunning_template_translations").Row(new
                {
                    template_key = text.Key,
                    language = language.Code,
                    subject = text.Subject,
                    body = text.Body,
                    version = 1,
                    updated_at = seededAt,
                });
            }
        }

        Execute.Sql($"""
            UPDATE dunning_templates SET body = REPLACE(body, '{EnglishGreeting}', '<p>{"{{salutation}}"}</p>'), version = version + 1
            WHERE body LIKE '%{EnglishGreeting}%'
            """);
    }

    public override void Down()
    {
        Execute.Sql($"UPDATE dunning_templates SET body = REPLACE(body, '<p>{"{{salutation}}"}</p>', '{EnglishGreeting}')");
        Delete.Table("dunning_template_translations");
    }
}
