using FluentMigrator;

namespace Collections.Invoicing.Data;

/// <summary>
/// A contact's recorded consent to SMS: the instant it was given, null where the ERP recorded none. Dunning compares it with
/// the STOPs it stores per number (a STOP wins over a consent given before it).
/// </summary>
[Migration(200_007, "Invoicing: a contact's consent to SMS")]
public sealed class M0007_ContactSmsConsent : Migration
{
    public override void Up() => Alter.Table("invoicing_contacts").AddColumn("sms_consent_at").AsDateTime2().Nullable();

    public override void Down() => Delete.Column("sms_consent_at").FromTable("invoicing_contacts");
}
