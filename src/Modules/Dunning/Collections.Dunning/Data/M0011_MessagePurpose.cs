using Collections.Dunning.Domain;
using FluentMigrator;

namespace Collections.Dunning.Data;

[Migration(600_011, "Dunning: receipts beside reminders (message purpose) and the receipt template")]
public sealed class M0011_MessagePurpose : Migration
{
    public override void Up()
    {
        Alter.Table("dunning_messages").AddColumn("purpose").AsString(20).NotNullable().WithDefaultValue(MessagePurposes.Reminder);
        var (key, channel, tone, subject, body) = SeedTemplates.Receipt;
        Insert.IntoTable("dunning_templates").Row(new { template_key = key, channel, tone, subject, body, version = 1, updated_at = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) });
    }

    public override void Down()
    {
        Delete.FromTable("dunning_templates").Row(new { template_key = SeedTemplates.Receipt.Key });
        Delete.Column("purpose").FromTable("dunning_messages");
    }
}
