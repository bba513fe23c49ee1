using FluentMigrator;

namespace Collections.Disputes.Data;

/// <summary>
/// SQLite does not enforce a text column's length; SQL Server does. These columns hold text the code composes,
/// quoting user input or growing with a list, so on SQL Server they take any length.
/// </summary>
[Migration(400_002, "Disputes: status-history notes take any length on SQL Server")]
public sealed class M0002_ComposedTextUnbounded : Migration
{
    public override void Up()
    {
        IfDatabase("SqlServer").Alter.Table("disputes_history").AlterColumn("note").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
    }
}
