using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>
/// Refunds are matched to Stripe by Stripe's refund id, never by the charge's cumulative amount: a booked refund's
/// <c>re_…</c> id is unique (rows booked before carry none), and an intent keeps the id Stripe gave it while Stripe has
/// not confirmed the refund yet, so the reconciler asks for that refund instead of creating one. The intent's first
/// answer is kept, so a repeat of the request returns it unchanged.
/// </summary>
[Migration(300_008, "Payments: refunds matched by Stripe refund id")]
public sealed class M0008_RefundsByStripeId : Migration
{
    // Filtered, so the many rows without a Stripe id (bank refunds, older rows) do not collide; SQLite and SQL Server both take it.
    private const string UniqueStripeRefundSql =
        "CREATE UNIQUE INDEX ux_payments_refunds_stripe_refund ON payments_refunds (stripe_refund_id) WHERE stripe_refund_id IS NOT NULL";

    public override void Up()
    {
        Execute.Sql(UniqueStripeRefundSql);
        Alter.Table("payments_refund_intents")
            .AddColumn("stripe_refund_id").AsString(100).Nullable()
            .AddColumn("response_json").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
        Delete.Column("stripe_refund_id").Column("response_json").FromTable("payments_refund_intents");
        Delete.Index("ux_payments_refunds_stripe_refund").OnTable("payments_refunds");
    }
}
