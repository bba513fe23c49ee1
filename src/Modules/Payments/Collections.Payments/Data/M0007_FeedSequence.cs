using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>
/// The change feed's order: every change to a payment takes the next number from one counter row, whose lock is held to
/// the commit, so numbers become visible in the order they were taken. Payments recorded before this migration keep 0 and
/// come first, in id order.
/// </summary>
[Migration(300_007, "Payments: the change feed's sequence")]
public sealed class M0007_FeedSequence : Migration
{
    public override void Up()
    {
        Create.Table("payments_feed_sequence")
            .WithColumn("id").AsInt32().PrimaryKey()
            .WithColumn("last_seq").AsInt64().NotNullable();
        Insert.IntoTable("payments_feed_sequence").Row(new { id = 1, last_seq = 0L });
        Alter.Table("payments_payments").AddColumn("feed_seq").AsInt64().NotNullable().WithDefaultValue(0L);
        Create.Index("ix_payments_payments_feed").OnTable("payments_payments").OnColumn("feed_seq").Ascending().OnColumn("id").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_payments_payments_feed").OnTable("payments_payments");
        Delete.Column("feed_seq").FromTable("payments_payments");
        Delete.Table("payments_feed_sequence");
    }
}
