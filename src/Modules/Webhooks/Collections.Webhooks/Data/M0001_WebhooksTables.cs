using FluentMigrator;

namespace Collections.Webhooks.Data;

[Migration(800_001, "Webhooks: endpoints, events, deliveries (the outbox)")]
public sealed class M0001_WebhooksTables : Migration
{
    public override void Up()
    {
        Create.Table("webhooks_endpoints")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("url").AsString(2000).NotNullable()
            .WithColumn("description").AsString(500).Nullable()
            .WithColumn("events").AsString(2000).NotNullable()
            .WithColumn("secret").AsString(100).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("deleted_at").AsDateTime2().Nullable();

        Create.Table("webhooks_events")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("type").AsString(60).NotNullable()
            .WithColumn("payload_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();

        Create.Table("webhooks_deliveries")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("endpoint_id").AsString(40).NotNullable()
            .WithColumn("event_id").AsString(40).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("next_attempt_at").AsDateTime2().NotNullable()
            .WithColumn("expires_at").AsDateTime2().NotNullable()
            .WithColumn("claimed_by").AsString(200).Nullable()
            .WithColumn("claimed_until").AsDateTime2().Nullable()
            .WithColumn("last_status_code").AsInt32().Nullable()
            .WithColumn("last_error").AsString(1000).Nullable()
            .WithColumn("last_attempt_at").AsDateTime2().Nullable()
            .WithColumn("delivered_at").AsDateTime2().Nullable()
            .WithColumn("redelivery_of").AsString(40).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();
        Create.Index("ix_webhooks_deliveries_queue").OnTable("webhooks_deliveries")
            .OnColumn("endpoint_id").Ascending().OnColumn("status").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_webhooks_deliveries_due").OnTable("webhooks_deliveries")
            .OnColumn("status").Ascending().OnColumn("next_attempt_at").Ascending();
    }

    public override void Down()
    {
        Delete.Table("webhooks_deliveries");
        Delete.Table("webhooks_events");
        Delete.Table("webhooks_endpoints");
    }
}
