using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>The checkout sweeper looks for open attempts by age: those a crash left without a session, and those whose session has expired.</summary>
[Migration(300_009, "Payments: open checkout attempts by age")]
public sealed class M0009_CheckoutSweep : Migration
{
    public override void Up() =>
        Create.Index("ix_payments_attempts_status_created").OnTable("payments_attempts")
            .OnColumn("status").Ascending().OnColumn("created_at").Ascending();

    public override void Down() => Delete.Index("ix_payments_attempts_status_created").OnTable("payments_attempts");
}
