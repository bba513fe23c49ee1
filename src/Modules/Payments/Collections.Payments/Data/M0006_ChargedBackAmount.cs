using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>
/// How much of a payment the payer's bank took back, and under which Stripe dispute, so the dispute's end puts exactly
/// that back, once, whichever order its events arrive in.
/// </summary>
[Migration(300_006, "Payments: the amount a chargeback took, and its dispute")]
public sealed class M0006_ChargedBackAmount : Migration
{
    public override void Up() =>
        Alter.Table("payments_payments")
            .AddColumn("charged_back_minor").AsInt64().NotNullable().WithDefaultValue(0)
            .AddColumn("chargeback_dispute_id").AsString(100).Nullable();

    public override void Down() => Delete.Column("charged_back_minor").Column("chargeback_dispute_id").FromTable("payments_payments");
}
