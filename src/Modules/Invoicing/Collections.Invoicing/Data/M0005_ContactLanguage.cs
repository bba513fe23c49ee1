using FluentMigrator;

namespace Collections.Invoicing.Data;

/// <summary>
/// A contact's own language (a BCP 47 tag, as wide as the debtor's), null where the contact has none and messages to it
/// use the debtor's language.
/// </summary>
[Migration(200_005, "Invoicing: a contact's own language")]
public sealed class M0005_ContactLanguage : Migration
{
    public override void Up() => Alter.Table("invoicing_contacts").AddColumn("language").AsString(20).Nullable();

    public override void Down() => Delete.Column("language").FromTable("invoicing_contacts");
}
