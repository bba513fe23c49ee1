using FluentMigrator;

namespace Collections.Payments.Data;

/// <summary>
/// Imported ISO 20022 bank statements (camt.053) and notifications (camt.054): one import per file, each statement in it
/// once per account (the unique index is what makes a second import of the same file a 409, even when both run at once),
/// and one line per entry or per transaction of a batch entry, with what became of it.
/// </summary>
[Migration(300_011, "Payments: bank statement imports, their statements and lines")]
public sealed class M0011_BankStatements : Migration
{
    public override void Up()
    {
        Create.Table("payments_bank_imports")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("kind").AsString(20).NotNullable()
            .WithColumn("message_ref").AsString(100).NotNullable()
            .WithColumn("file_hash").AsString(64).NotNullable()
            .WithColumn("imported_by").AsString(200).NotNullable()
            .WithColumn("imported_at").AsDateTime2().NotNullable();

        Create.Table("payments_bank_statements")
            .WithColumn("account").AsString(70).NotNullable().PrimaryKey()
            .WithColumn("statement_ref").AsString(100).NotNullable().PrimaryKey()
            .WithColumn("import_id").AsString(40).NotNullable().Indexed("ix_payments_bank_statements_import")
            .WithColumn("created_at").AsDateTime2().NotNullable();

        Create.Table("payments_bank_lines")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("import_id").AsString(40).NotNullable()
            .WithColumn("position").AsInt32().NotNullable()
            .WithColumn("account").AsString(70).NotNullable()
            .WithColumn("statement_ref").AsString(100).NotNullable()
            .WithColumn("credit_debit").AsString(4).NotNullable()
            .WithColumn("booking_status").AsString(4).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("booked_on").AsDate().Nullable()
            .WithColumn("value_on").AsDate().Nullable()
            .WithColumn("end_to_end_ref").AsString(100).Nullable()
            .WithColumn("bank_ref").AsString(100).Nullable()
            .WithColumn("bank_code").AsString(40).Nullable()
            .WithColumn("payer_name").AsString(140).Nullable()
            .WithColumn("payer_account").AsString(70).Nullable()
            .WithColumn("remittance").AsString(1000).Nullable()
            .WithColumn("creditor_ref").AsString(100).Nullable()
            .WithColumn("is_return").AsBoolean().NotNullable()
            .WithColumn("return_reason").AsString(200).Nullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("matched_by").AsString(20).Nullable()
            .WithColumn("note").AsString(500).Nullable()
            .WithColumn("debtor_id").AsString(40).Nullable()
            .WithColumn("payment_id").AsString(40).Nullable()
            .WithColumn("refund_id").AsString(40).Nullable()
            .WithColumn("decided_by").AsString(200).Nullable()
            .WithColumn("decided_at").AsDateTime2().Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();
        Create.Index("ux_payments_bank_lines_position").OnTable("payments_bank_lines")
            .OnColumn("import_id").Ascending().OnColumn("position").Ascending().WithOptions().Unique();
        Create.Index("ix_payments_bank_lines_status").OnTable("payments_bank_lines")
            .OnColumn("status").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_payments_bank_lines_end_to_end").OnTable("payments_bank_lines")
            .OnColumn("account").Ascending().OnColumn("end_to_end_ref").Ascending();
        Create.Index("ix_payments_bank_lines_payer").OnTable("payments_bank_lines")
            .OnColumn("payer_account").Ascending().OnColumn("status").Ascending();
    }

    public override void Down()
    {
        Delete.Table("payments_bank_lines");
        Delete.Table("payments_bank_statements");
        Delete.Table("payments_bank_imports");
    }
}
