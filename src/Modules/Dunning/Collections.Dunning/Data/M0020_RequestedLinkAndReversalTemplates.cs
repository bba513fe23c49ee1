using Collections.Dunning.Domain;
using FluentMigrator;

namespace Collections.Dunning.Data;

[Migration(600_020, "Dunning: the templates of a new portal link a debtor asked for and of a payment the bank reversed")]
public sealed class M0020_RequestedLinkAndReversalTemplates : Migration
{
    public override void Up()
    {
        foreach (var (key, channel, tone, subject, body) in new[] { SeedTemplates.PortalLink, SeedTemplates.PaymentReversed })
        {
            Insert.IntoTable("dunning_templates").Row(new { template_key = key, channel, tone, subject, body, version = 1, updated_at = new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc) });
        }
    }

    public override void Down() =>
        Delete.FromTable("dunning_templates").Row(new { template_key = SeedTemplates.PortalLink.Key }).Row(new { template_key = SeedTemplates.PaymentReversed.Key });
}
