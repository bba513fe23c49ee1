using FluentMigrator;

namespace Collections.Payments.Data;

[Migration(300_001, "Payments: payments, allocations, refunds, checkout attempts, Stripe events, debtor locks")]
public sealed class M0001_PaymentsTables : Migration
{
    public override void Up()
    {
        Create.Table("payments_payments")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("unapplied_minor").AsInt64().NotNullable()
            .WithColumn("refunded_minor").AsInt64().NotNullable()
            .WithColumn("method").AsString(20).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("reference").AsString(200).Nullable()
            .WithColumn("received_on").AsDate().NotNullable()
            .WithColumn("recorded_at").AsDateTime2().NotNullable()
            .WithColumn("attempt_id").AsString(40).Nullable()
            .WithColumn("payment_plan_id").AsString(40).Nullable()
            .WithColumn("stripe_payment_intent").AsString(100).Nullable().Indexed()
            .WithColumn("version").AsInt32().NotNullable();

        Create.Table("payments_allocations")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("payment_id").AsString(40).NotNullable().Indexed()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("item_id").AsString(40).NotNullable().Indexed()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("discount_minor").AsInt64().NotNullable()
            .WithColumn("reversed_minor").AsInt64().NotNullable()
            .WithColumn("source").AsString(20).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();

        Create.Table("payments_refunds")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("payment_id").AsString(40).NotNullable().Indexed()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("reason").AsString(500).NotNullable()
            .WithColumn("stripe_refund_id").AsString(100).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();

        Create.Table("payments_attempts")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("items_json").AsString(4000).NotNullable()
            .WithColumn("payment_plan_id").AsString(40).Nullable()
            .WithColumn("stripe_session_id").AsString(200).Nullable().Indexed()
            .WithColumn("checkout_url").AsString(2000).Nullable()
            .WithColumn("payment_id").AsString(40).Nullable()
            .WithColumn("failure_reason").AsString(200).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();

        Create.Table("payments_stripe_events")
            .WithColumn("id").AsString(100).PrimaryKey()
            .WithColumn("type").AsString(100).NotNullable()
            .WithColumn("api_version").AsString(50).Nullable()
            .WithColumn("outcome").AsString(200).NotNullable()
            .WithColumn("received_at").AsDateTime2().NotNullable();

        // One row per debtor, updated first in every money-moving transaction: racing payments of a debtor queue on it.
        Create.Table("payments_debtor_locks")
            .WithColumn("debtor_id").AsString(40).PrimaryKey()
            .WithColumn("version").AsInt64().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("payments_debtor_locks");
        Delete.Table("payments_stripe_events");
        Delete.Table("payments_attempts");
        Delete.Table("payments_refunds");
        Delete.Table("payments_allocations");
        Delete.Table("payments_payments");
    }
}
