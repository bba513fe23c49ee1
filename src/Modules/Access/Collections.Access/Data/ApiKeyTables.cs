using FluentMigrator;

namespace Collections.Access.Data;

[Migration(100_101, "Platform: API keys")]
public sealed class ApiKeyTables : Migration
{
    public override void Up()
    {
        Create.Table("platform_api_keys")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("role").AsString(20).NotNullable()
            .WithColumn("key_hash").AsString(64).NotNullable().Unique()
            .WithColumn("key_hint").AsString(20).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("revoked_at").AsDateTime2().Nullable();
    }

    public override void Down() => Delete.Table("platform_api_keys");
}

/// <summary>Keys that replaced one another by rotation share a client: what an ERP did with the old key stays its own.</summary>
[Migration(100_102, "Platform: API keys belong to a client")]
public sealed class ApiKeyClientColumn : Migration
{
    public override void Up() => Alter.Table("platform_api_keys").AddColumn("client_id").AsString(40).Nullable();

    public override void Down() => Delete.Column("client_id").FromTable("platform_api_keys");
}
