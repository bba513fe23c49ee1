using FluentMigrator;

namespace Collections.Invoicing.Data;

/// <summary>
/// A debtor's billing address and a contact's own postal address, each as separate nullable columns (street lines,
/// postal code, city, region, ISO country), all null where none was given. The widths are PostalAddressRules'.
/// </summary>
[Migration(200_006, "Invoicing: postal addresses of debtors and contacts")]
public sealed class M0006_PostalAddresses : Migration
{
    private static readonly (string Table, string Prefix)[] Addresses = [("invoicing_debtors", "billing_"), ("invoicing_contacts", "address_")];

    public override void Up()
    {
        foreach (var (table, prefix) in Addresses)
        {
            Alter.Table(table)
                .AddColumn(prefix + "line1").AsString(100).Nullable()
                .AddColumn(prefix + "line2").AsString(100).Nullable()
                .AddColumn(prefix + "line3").AsString(100).Nullable()
                .AddColumn(prefix + "postal_code").AsString(20).Nullable()
                .AddColumn(prefix + "city").AsString(100).Nullable()
                .AddColumn(prefix + "region").AsString(100).Nullable()
                .AddColumn(prefix + "country").AsString(2).Nullable();
        }
    }

    public override void Down()
    {
        foreach (var (table, prefix) in Addresses)
        {
            Delete.Column(prefix + "line1").Column(prefix + "line2").Column(prefix + "line3").Column(prefix + "postal_code")
                .Column(prefix + "city").Column(prefix + "region").Column(prefix + "country").FromTable(table);
        }
    }
}
