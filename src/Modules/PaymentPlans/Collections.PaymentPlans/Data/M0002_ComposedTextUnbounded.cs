using FluentMigrator;

namespace Collections.PaymentPlans.Data;

/// <summary>
/// SQLite does not enforce a text column's length; SQL Server does. These columns hold text the code composes,
/// quoting user input or growing with a list, so on SQL Server they take any length.
/// </summary>
[Migration(500_002, "PaymentPlans: the policy reasons of a plan take any length on SQL Server")]
public sealed class M0002_ComposedTextUnbounded : Migration
{
    public override void Up()
    {
        IfDatabase("SqlServer").Alter.Table("paymentplans_plans").AlterColumn("policy_reasons_json").AsString(int.MaxValue).NotNullable();
    }

    public override void Down()
    {
    }
}
