using FluentMigrator;

namespace Collections.Dunning.Data;

[Migration(600_012, "Dunning: the part of a promise paid onto its own invoices")]
public sealed class M0012_PromiseApplied : Migration
{
    public override void Up() =>
        Alter.Table("dunning_promises").AddColumn("applied_minor").AsInt64().NotNullable().WithDefaultValue(0);

    public override void Down() => Delete.Column("applied_minor").FromTable("dunning_promises");
}
