using FluentMigrator;

namespace Collections.Api.Features.ApiKeys;

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
