using FluentMigrator;

namespace Collections.Invoicing.Data;

[Migration(200_003, "Invoicing: the disputed part of each item per day, so aging as of a past date shows what was disputed then")]
public sealed class M0003_DisputedHistory : Migration
{
    public override void Up() =>
        Create.Table("invoicing_disputed_history")
            .WithColumn("item_id").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("effective_on").AsDate().NotNullable().PrimaryKey()
            .WithColumn("disputed_minor").AsInt64().NotNullable();

    public override void Down() => Delete.Table("invoicing_disputed_history");
}
