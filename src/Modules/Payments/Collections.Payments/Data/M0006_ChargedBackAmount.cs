using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>How much of a payment the payer's bank took back, so a dispute the creditor wins can put exactly that back.</summary>
[Migration(300_006, "Payments: the amount a chargeback took")]
public sealed class M0006_ChargedBackAmount : Migration
{
    public override void Up() => Alter.Table("payments_payments").AddColumn("charged_back_minor").AsInt64().NotNullable().WithDefaultValue(0);

    public override void Down() => Delete.Column("charged_back_minor").FromTable("payments_payments");
}
