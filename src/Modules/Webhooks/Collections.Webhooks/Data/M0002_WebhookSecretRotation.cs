using FluentMigrator;

namespace Collections.Webhooks.Data;

[Migration(800_002, "Webhooks: the previous signing secret, honoured until it expires after a rotation")]
public sealed class M0002_WebhookSecretRotation : Migration
{
    public override void Up()
    {
        Alter.Table("webhooks_endpoints")
            .AddColumn("previous_secret").AsString(100).Nullable()
            .AddColumn("previous_secret_expires_at").AsDateTime2().Nullable();
    }

    public override void Down()
    {
        Delete.Column("previous_secret").FromTable("webhooks_endpoints");
        Delete.Column("previous_secret_expires_at").FromTable("webhooks_endpoints");
    }
}
