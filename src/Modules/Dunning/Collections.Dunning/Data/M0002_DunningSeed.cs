using Collections.Dunning.Domain;
using FluentMigrator;

namespace Collections.Dunning.Data;

[Migration(600_002, "Dunning: seeded policies (standard, strategic, high_risk) and courteous templates per tone")]
public sealed class M0002_DunningSeed : Migration
{
    private static readonly DateTime Seeded = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public override void Up()
    {
        foreach (var (id, name, description, steps) in SeedPolicies.All)
        {
            Insert.IntoTable("dunning_policies").Row(new
            {
                id,
                name,
                description,
                steps_json = PolicyJson.Write(steps),
                version = 1,
                created_at = Seeded,
                updated_at = Seeded,
            });
        }

        foreach (var (key, channel, tone, subject, body) in SeedTemplates.All)
        {
            Insert.IntoTable("dunning_templates").Row(new { template_key = key, channel, tone, subject, body, version = 1, updated_at = Seeded });
        }
    }

    public override void Down()
    {
        Delete.FromTable("dunning_templates").AllRows();
        Delete.FromTable("dunning_policies").AllRows();
    }
}
