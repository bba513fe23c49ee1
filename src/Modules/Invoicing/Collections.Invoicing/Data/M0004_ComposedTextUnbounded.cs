using FluentMigrator;

namespace Collections.Invoicing.Data;

/// <summary>
/// SQLite does not enforce a text column's length; SQL Server does. These columns hold text the code composes,
/// quoting user input or growing with a list, so on SQL Server they take any length.
/// </summary>
[Migration(200_004, "Invoicing: activity summaries and late-fee policies take any length on SQL Server")]
public sealed class M0004_ComposedTextUnbounded : Migration
{
    public override void Up()
    {
        IfDatabase("SqlServer").Alter.Table("invoicing_activity").AlterColumn("summary").AsString(int.MaxValue).NotNullable();
        IfDatabase("SqlServer").Alter.Table("invoicing_debtors").AlterColumn("late_fee_policy_json").AsString(int.MaxValue).Nullable();
        IfDatabase("SqlServer").Alter.Table("invoicing_receivables").AlterColumn("late_fee_policy_json").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
    }
}
