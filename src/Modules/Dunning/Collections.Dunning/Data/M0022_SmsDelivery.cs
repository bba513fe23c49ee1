using FluentMigrator;

namespace Collections.Dunning.Data;

/// <summary>
/// What Twilio says of an SMS: its message SID (how a status callback finds the message) and the latest delivery status it
/// reported (queued, sent, delivered, undelivered, failed), with when.
/// </summary>
[Migration(600_022, "Dunning: the provider's id and delivery status of a message")]
public sealed class M0022_SmsDelivery : Migration
{
    public override void Up()
    {
        Alter.Table("dunning_messages")
            .AddColumn("provider_message_id").AsString(64).Nullable()
            .AddColumn("delivery_status").AsString(20).Nullable()
            .AddColumn("delivery_updated_at").AsDateTime2().Nullable();
        Create.Index("ix_dunning_messages_provider_message_id").OnTable("dunning_messages").OnColumn("provider_message_id");
    }

    public override void Down()
    {
        Delete.Index("ix_dunning_messages_provider_message_id").OnTable("dunning_messages");
        Delete.Column("delivery_updated_at").FromTable("dunning_messages");
        Delete.Column("delivery_status").FromTable("dunning_messages");
        Delete.Column("provider_message_id").FromTable("dunning_messages");
    }
}
