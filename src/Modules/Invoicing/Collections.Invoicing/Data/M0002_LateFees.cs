using FluentMigrator;

namespace Collections.Invoicing.Data;

[Migration(200_002, "Invoicing: late-fee assessments (one decision per invoice and period, ever)")]
public sealed class M0002_LateFees : Migration
{
    public override void Up()
    {
        Create.Table("invoicing_fee_assessments")
            .WithColumn("invoice_id").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("period_key").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("assessed_for").AsDate().NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("fee_id").AsString(40).Nullable()
            .WithColumn("description").AsString(300).NotNullable()
            .WithColumn("assessed_at").AsDateTime2().NotNullable();
    }

    public override void Down() => Delete.Table("invoicing_fee_assessments");
}
