using FluentMigrator;

namespace Collections.Dunning.Data;

[Migration(600_010, "Dunning: why a message was withdrawn before it left")]
public sealed class M0010_MessageWithdrawals : Migration
{
    public override void Up() =>
        Alter.Table("dunning_messages").AddColumn("withdrawn_reason").AsString(200).Nullable();

    public override void Down() => Delete.Column("withdrawn_reason").FromTable("dunning_messages");
}
