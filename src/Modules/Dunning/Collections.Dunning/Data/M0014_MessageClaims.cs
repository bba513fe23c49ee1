using FluentMigrator;

namespace Collections.Dunning.Data;

/// <summary>
/// An e-mail's claim names the dispatcher's claim (instance and a token per claim) and ends on the database's clock,
/// apart from next_attempt_at, which stays the business schedule on the application's clock.
/// </summary>
[Migration(600_014, "Dunning: who claimed an e-mail for sending, and until when (database time)")]
public sealed class M0014_MessageClaims : Migration
{
    public override void Up() =>
        Alter.Table("dunning_messages")
            .AddColumn("claimed_by").AsString(200).Nullable()
            .AddColumn("claim_expires_at").AsDateTime2().Nullable();

    public override void Down()
    {
        Delete.Column("claim_expires_at").FromTable("dunning_messages");
        Delete.Column("claimed_by").FromTable("dunning_messages");
    }
}
