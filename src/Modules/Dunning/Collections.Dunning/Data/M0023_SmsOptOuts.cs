using FluentMigrator;

namespace Collections.Dunning.Data;

/// <summary>
/// The numbers that replied STOP (or STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT), when and with which word, and when one later
/// replied START or UNSTOP (noted only: the ERP's consent, recorded after the STOP, is what lets SMS go again).
/// </summary>
[Migration(600_023, "Dunning: SMS opt-outs per phone number")]
public sealed class M0023_SmsOptOuts : Migration
{
    public override void Up() =>
        Create.Table("dunning_sms_opt_outs")
            .WithColumn("phone").AsString(20).PrimaryKey()
            .WithColumn("opted_out_at").AsDateTime2().NotNullable()
            .WithColumn("keyword").AsString(20).NotNullable()
            .WithColumn("restarted_at").AsDateTime2().Nullable();

    public override void Down() => Delete.Table("dunning_sms_opt_outs");
}
