using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>When the debtor authorised a bank debit: the payment counts from then, though the money clears days later.</summary>
[Migration(300_004, "Payments: when a checkout was authorised")]
public sealed class M0004_DebitAuthorisation : Migration
{
    public override void Up() => Alter.Table("payments_attempts").AddColumn("authorized_at").AsDateTime2().Nullable();

    public override void Down() => Delete.Column("authorized_at").FromTable("payments_attempts");
}
