using Collections.Dunning.Domain;
using FluentMigrator;

namespace Collections.Dunning.Data;

[Migration(600_011, "Dunning: acknowledgements beside reminders (message purpose) and their templates")]
public sealed class M0011_MessagePurpose : Migration
{
    public override void Up()
    {
        Alter.Table("dunning_messages").AddColumn("purpose").AsString(20).NotNullable().WithDefaultValue(MessagePurposes.Reminder);
        foreach (var (key, channel, tone, subject, body) in SeedTemplates.Courtesy)
        {
            Insert.IntoTable("dunning_templates").Row(new { template_key = key, channel, tone, subject, body, version = 1, updated_at = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) });
        }
    }

    public override void Down()
    {
        foreach (var template in SeedTemplates.Courtesy)
        {
            Delete.FromTable("dunning_templates").Row(new { template_key = template.Key });
        }
        Delete.Column("purpose").FromTable("dunning_messages");
    }
}
