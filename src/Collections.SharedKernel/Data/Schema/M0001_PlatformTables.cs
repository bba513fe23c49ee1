using FluentMigrator;

namespace Collections.SharedKernel.Data.Schema;

[Migration(100_001, "Platform: idempotency keys")]
public sealed class M0001_PlatformTables : Migration
{
    public override void Up()
    {
        Create.Table("platform_idempotency_keys")
            .WithColumn("scope").AsString(200).NotNullable().PrimaryKey()
            .WithColumn("idempotency_key").AsString(200).NotNullable().PrimaryKey()
            .WithColumn("request_hash").AsString(64).NotNullable()
            .WithColumn("response_json").AsString(int.MaxValue).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();
        Create.Index("ix_platform_idempotency_keys_created").OnTable("platform_idempotency_keys").OnColumn("created_at");
    }

    public override void Down() => Delete.Table("platform_idempotency_keys");
}
