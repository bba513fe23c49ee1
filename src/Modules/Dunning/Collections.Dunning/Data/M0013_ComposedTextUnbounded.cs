using FluentMigrator;

namespace Collections.Dunning.Data;

/// <summary>
/// SQLite does not enforce a text column's length; SQL Server does. These columns hold text the code composes,
/// quoting user input or growing with a list, so on SQL Server they take any length.
/// </summary>
[Migration(600_013, "Dunning: task reasons and skipped-step lists take any length on SQL Server")]
public sealed class M0013_ComposedTextUnbounded : Migration
{
    public override void Up()
    {
        IfDatabase("SqlServer").Alter.Table("dunning_tasks").AlterColumn("reason").AsString(int.MaxValue).NotNullable();
        IfDatabase("SqlServer").Alter.Table("dunning_step_log").AlterColumn("skipped_steps").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
    }
}
