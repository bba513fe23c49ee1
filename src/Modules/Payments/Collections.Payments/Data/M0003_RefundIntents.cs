using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>
/// A Stripe refund is asked for in three steps, none of them holding a transaction open across the call: the intent is
/// committed, Stripe is called with a key derived from the intent, and the refund is booked when Stripe confirms it.
/// An intent still pending after a crash or a timeout is finished by the reconciler with the same key.
/// </summary>
[Migration(300_003, "Payments: refund intents")]
public sealed class M0003_RefundIntents : Migration
{
    public override void Up()
    {
        Create.Table("payments_refund_intents")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("payment_id").AsString(40).NotNullable()
            .WithColumn("request_key").AsString(300).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("reason").AsString(500).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("outcome").AsString(500).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();
        Create.Index("ux_payments_refund_intents_request").OnTable("payments_refund_intents")
            .OnColumn("payment_id").Ascending().OnColumn("request_key").Ascending().WithOptions().Unique();
        Create.Index("ix_payments_refund_intents_status").OnTable("payments_refund_intents")
            .OnColumn("status").Ascending().OnColumn("updated_at").Ascending();
    }

    public override void Down() => Delete.Table("payments_refund_intents");
}
