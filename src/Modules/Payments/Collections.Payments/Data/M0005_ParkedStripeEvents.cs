using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>
/// An event about a charge Collections does not know yet (a refund delivered before the checkout completion that
/// creates its payment) is kept with its body and tried again, instead of being marked processed and lost.
/// </summary>
[Migration(300_005, "Payments: parked Stripe events")]
public sealed class M0005_ParkedStripeEvents : Migration
{
    public override void Up()
    {
        Alter.Table("payments_stripe_events")
            .AddColumn("payload").AsString(int.MaxValue).Nullable()
            .AddColumn("parked_until").AsDateTime2().Nullable()
            .AddColumn("park_attempts").AsInt32().NotNullable().WithDefaultValue(0);
        Create.Index("ix_payments_stripe_events_parked").OnTable("payments_stripe_events").OnColumn("parked_until").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_payments_stripe_events_parked").OnTable("payments_stripe_events");
        Delete.Column("payload").Column("parked_until").Column("park_attempts").FromTable("payments_stripe_events");
    }
}
