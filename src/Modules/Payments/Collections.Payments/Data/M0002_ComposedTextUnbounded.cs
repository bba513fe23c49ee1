using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>
/// SQLite does not enforce a text column's length; SQL Server does. These columns hold text the code composes,
/// quoting user input or growing with a list, so on SQL Server they take any length.
/// </summary>
[Migration(300_002, "Payments: a checkout's item list takes any length on SQL Server")]
public sealed class M0002_ComposedTextUnbounded : Migration
{
    public override void Up()
    {
        IfDatabase("SqlServer").Alter.Table("payments_attempts").AlterColumn("items_json").AsString(int.MaxValue).NotNullable();
    }

    public override void Down()
    {
    }
}
