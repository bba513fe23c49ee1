using FluentMigrator;

namespace Collections.SharedKernel.Data.Schema;

/// <summary>A key whose request was refused (403, 404, 422) remembers the refusal, so a retry gets the same answer.</summary>
[Migration(100_002, "Platform: idempotency keys remember refusals")]
public sealed class M0003_IdempotentRefusals : Migration
{
    public override void Up() =>
        Alter.Table("platform_idempotency_keys")
            .AddColumn("failure_status").AsInt32().Nullable()
            .AddColumn("failure_detail").AsString(int.MaxValue).Nullable();

    public override void Down() => Delete.Column("failure_status").Column("failure_detail").FromTable("platform_idempotency_keys");
}
