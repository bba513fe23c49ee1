using FluentMigrator;

namespace Collections.Invoicing.Data;

[Migration(200_001, "Invoicing: debtors, contacts, receivables, lines, ledger, credit notes, activity")]
public sealed class M0001_InvoicingTables : Migration
{
    public override void Up()
    {
        Create.Table("invoicing_debtors")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("external_id").AsString(100).NotNullable().Unique()
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("search_name").AsString(200).NotNullable().Indexed()
            .WithColumn("country_code").AsString(2).NotNullable()
            .WithColumn("time_zone").AsString(64).NotNullable()
            .WithColumn("language").AsString(20).NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("credit_limit_minor").AsInt64().NotNullable()
            .WithColumn("payment_terms_days").AsInt32().NotNullable()
            .WithColumn("segment").AsString(20).NotNullable()
            .WithColumn("contact_hours_start").AsString(5).NotNullable()
            .WithColumn("contact_hours_end").AsString(5).NotNullable()
            .WithColumn("contact_days").AsString(80).NotNullable()
            .WithColumn("allocation_order").AsString(40).NotNullable()
            .WithColumn("late_fee_policy_json").AsString(2000).Nullable()
            .WithColumn("content_hash").AsString(64).NotNullable()
            .WithColumn("version").AsInt32().NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();

        Create.Table("invoicing_contacts")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("position").AsInt32().NotNullable()
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("email").AsString(320).Nullable()
            .WithColumn("phone").AsString(50).Nullable()
            .WithColumn("role").AsString(30).NotNullable()
            .WithColumn("is_primary").AsBoolean().NotNullable();

        // Invoices and the late-fee charges that reference them: both are receivable items with a balance.
        Create.Table("invoicing_receivables")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("kind").AsString(20).NotNullable()
            .WithColumn("external_id").AsString(100).NotNullable().Unique()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("parent_id").AsString(40).Nullable().Indexed()
            .WithColumn("number").AsString(100).NotNullable()
            .WithColumn("po_number").AsString(100).Nullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("issue_date").AsDate().NotNullable()
            .WithColumn("due_date").AsDate().NotNullable()
            .WithColumn("total_minor").AsInt64().NotNullable()
            .WithColumn("balance_minor").AsInt64().NotNullable()
            .WithColumn("paid_minor").AsInt64().NotNullable()
            .WithColumn("credited_minor").AsInt64().NotNullable()
            .WithColumn("disputed_minor").AsInt64().NotNullable()
            .WithColumn("payment_plan_id").AsString(40).Nullable()
            .WithColumn("placed").AsBoolean().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("net_days").AsInt32().Nullable()
            .WithColumn("discount_basis_points").AsInt32().Nullable()
            .WithColumn("discount_days").AsInt32().Nullable()
            .WithColumn("late_fee_policy_json").AsString(2000).Nullable()
            .WithColumn("content_hash").AsString(64).NotNullable()
            .WithColumn("version").AsInt32().NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();
        Create.Index("ix_invoicing_receivables_debtor_status_due").OnTable("invoicing_receivables")
            .OnColumn("debtor_id").Ascending().OnColumn("status").Ascending().OnColumn("due_date").Ascending();
        Create.Index("ix_invoicing_receivables_status_due").OnTable("invoicing_receivables")
            .OnColumn("status").Ascending().OnColumn("due_date").Ascending();

        Create.Table("invoicing_invoice_lines")
            .WithColumn("invoice_id").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("position").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("description").AsString(500).NotNullable()
            .WithColumn("quantity").AsDecimal(18, 4).NotNullable()
            .WithColumn("unit_price_minor").AsInt64().NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable();

        // Append-only: every change of a balance is one signed entry; the balance column is their running sum.
        Create.Table("invoicing_ledger_entries")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("item_id").AsString(40).NotNullable().Indexed()
            .WithColumn("entry_type").AsString(30).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("balance_after_minor").AsInt64().NotNullable()
            .WithColumn("source_type").AsString(30).Nullable()
            .WithColumn("source_id").AsString(100).Nullable()
            .WithColumn("reason").AsString(500).Nullable()
            .WithColumn("effective_date").AsDate().NotNullable()
            .WithColumn("recorded_at").AsDateTime2().NotNullable();

        Create.Table("invoicing_credit_notes")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("number").AsString(40).NotNullable().Unique()
            .WithColumn("invoice_id").AsString(40).NotNullable().Indexed()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("reason").AsString(500).NotNullable()
            .WithColumn("source_id").AsString(100).Nullable()
            .WithColumn("issued_at").AsDateTime2().NotNullable();

        Create.Table("invoicing_activity")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("invoice_id").AsString(40).Nullable()
            .WithColumn("activity_type").AsString(60).NotNullable()
            .WithColumn("summary").AsString(1000).NotNullable()
            .WithColumn("details_json").AsString(int.MaxValue).Nullable()
            .WithColumn("actor").AsString(200).NotNullable()
            .WithColumn("occurred_at").AsDateTime2().NotNullable();
        Create.Index("ix_invoicing_activity_debtor").OnTable("invoicing_activity")
            .OnColumn("debtor_id").Ascending().OnColumn("id").Ascending();

        Create.Table("invoicing_sequences")
            .WithColumn("name").AsString(40).PrimaryKey()
            .WithColumn("next_value").AsInt64().NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "invoicing_sequences", "invoicing_activity", "invoicing_credit_notes", "invoicing_ledger_entries", "invoicing_invoice_lines", "invoicing_receivables", "invoicing_contacts", "invoicing_debtors" })
        {
            Delete.Table(table);
        }
    }
}
