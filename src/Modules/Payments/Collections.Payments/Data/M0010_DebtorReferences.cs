using FluentMigrator;

namespace Collections.Payments.Data;

[Migration(300_010, "Payments: each debtor's structured creditor reference (ISO 11649) for bank transfers")]
public sealed class M0010_DebtorReferences : Migration
{
    public override void Up() =>
        Create.Table("payments_debtor_references")
            .WithColumn("debtor_id").AsString(40).PrimaryKey()
            .WithColumn("reference").AsString(25).NotNullable().Unique("ux_payments_debtor_references_reference")
            .WithColumn("issued_at").AsDateTime2().NotNullable();

    public override void Down() => Delete.Table("payments_debtor_references");
}
