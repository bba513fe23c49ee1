using FluentMigrator;

namespace Collections.SharedKernel.Data.Schema;

/// <summary>Versioned in the operations range (800_000) so it never collides with platform migrations.</summary>
[Migration(800_900, "Operations: job leases, data protection keys")]
public sealed class M0002_OperationsTables : Migration
{
    public override void Up()
    {
        Create.Table("platform_job_leases")
            .WithColumn("job_name").AsString(100).PrimaryKey()
            .WithColumn("holder").AsString(200).NotNullable()
            .WithColumn("acquired_at").AsDateTime2().NotNullable()
            .WithColumn("expires_at").AsDateTime2().NotNullable();

        Create.Table("platform_data_protection_keys")
            .WithColumn("friendly_name").AsString(200).PrimaryKey()
            .WithColumn("xml").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("platform_data_protection_keys");
        Delete.Table("platform_job_leases");
    }
}
