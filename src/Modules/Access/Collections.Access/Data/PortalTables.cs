using FluentMigrator;

namespace Collections.Access.Data;

[Migration(900_001, "Portal: sessions and per-debtor link revocations")]
public sealed class PortalTables : Migration
{
    public override void Up()
    {
        Create.Table("portal_sessions")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("token_hash").AsString(64).NotNullable().Unique()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed("ix_portal_sessions_debtor")
            .WithColumn("contact_id").AsString(40).Nullable()
            .WithColumn("display_name").AsString(200).NotNullable()
            .WithColumn("link_issued_at").AsDateTime2().NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("expires_at").AsDateTime2().NotNullable()
            .WithColumn("ended_at").AsDateTime2().Nullable();

        Create.Table("portal_revocations")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed("ix_portal_revocations_debtor")
            .WithColumn("revoked_at").AsDateTime2().NotNullable()
            .WithColumn("revoked_by").AsString(200).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("portal_revocations");
        Delete.Table("portal_sessions");
    }
}

/// <summary>One link revoked on its own, and, for each session, the link it came from and the staff member who made that link.</summary>
[Migration(900_002, "Portal: single-link revocations; the link and staff member a session came from")]
public sealed class PortalLinkTables : Migration
{
    public override void Up()
    {
        Create.Table("portal_link_revocations")
            .WithColumn("link_id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("revoked_at").AsDateTime2().NotNullable()
            .WithColumn("revoked_by").AsString(200).NotNullable();

        Alter.Table("portal_sessions")
            .AddColumn("link_id").AsString(40).Nullable().Indexed("ix_portal_sessions_link")
            .AddColumn("minted_by").AsString(200).Nullable();
    }

    public override void Down()
    {
        Delete.Index("ix_portal_sessions_link").OnTable("portal_sessions");
        Delete.Column("link_id").Column("minted_by").FromTable("portal_sessions");
        Delete.Table("portal_link_revocations");
    }
}
