using FluentMigrator;

namespace Collections.Disputes.Data;

[Migration(400_001, "Disputes: disputes, open-invoice guard, messages, attachments, status history, sequence")]
public sealed class M0001_DisputesTables : Migration
{
    public override void Up()
    {
        Create.Table("disputes_disputes")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("number").AsString(40).NotNullable().Unique()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("invoice_id").AsString(40).NotNullable().Indexed()
            .WithColumn("invoice_number").AsString(100).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("category").AsString(40).NotNullable()
            .WithColumn("description").AsString(4000).NotNullable()
            .WithColumn("disputed_minor").AsInt64().NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("outcome").AsString(30).Nullable()
            .WithColumn("credited_minor").AsInt64().NotNullable()
            .WithColumn("credit_note_id").AsString(40).Nullable()
            .WithColumn("resolution_note").AsString(4000).Nullable()
            .WithColumn("assignee").AsString(200).Nullable()
            .WithColumn("opened_by").AsString(200).NotNullable()
            .WithColumn("opened_at").AsDateTime2().NotNullable()
            .WithColumn("due_by").AsDate().NotNullable()
            .WithColumn("closed_at").AsDateTime2().Nullable()
            .WithColumn("version").AsInt32().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();
        Create.Index("ix_disputes_disputes_debtor").OnTable("disputes_disputes")
            .OnColumn("debtor_id").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_disputes_disputes_status_due").OnTable("disputes_disputes")
            .OnColumn("status").Ascending().OnColumn("due_by").Ascending();

        // One row per invoice with a dispute in progress: the primary key is what makes a second open dispute impossible, even under racing requests.
        Create.Table("disputes_open_invoices")
            .WithColumn("invoice_id").AsString(40).PrimaryKey()
            .WithColumn("dispute_id").AsString(40).NotNullable();

        Create.Table("disputes_messages")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("dispute_id").AsString(40).NotNullable().Indexed()
            .WithColumn("author").AsString(200).NotNullable()
            .WithColumn("author_role").AsString(20).NotNullable()
            .WithColumn("body").AsString(4000).NotNullable()
            .WithColumn("internal").AsBoolean().NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();

        Create.Table("disputes_attachments")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("dispute_id").AsString(40).NotNullable().Indexed()
            .WithColumn("file_name").AsString(255).NotNullable()
            .WithColumn("content_type").AsString(100).NotNullable()
            .WithColumn("size_bytes").AsInt64().NotNullable()
            .WithColumn("content").AsBinary(int.MaxValue).NotNullable()
            .WithColumn("uploaded_by").AsString(200).NotNullable()
            .WithColumn("uploaded_at").AsDateTime2().NotNullable();

        Create.Table("disputes_history")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("dispute_id").AsString(40).NotNullable().Indexed()
            .WithColumn("from_status").AsString(20).Nullable()
            .WithColumn("to_status").AsString(20).NotNullable()
            .WithColumn("actor").AsString(200).NotNullable()
            .WithColumn("note").AsString(4000).Nullable()
            .WithColumn("occurred_at").AsDateTime2().NotNullable();

        Create.Table("disputes_sequences")
            .WithColumn("name").AsString(40).PrimaryKey()
            .WithColumn("next_value").AsInt64().NotNullable();
        Insert.IntoTable("disputes_sequences").Row(new { name = "dispute", next_value = 1L });
    }

    public override void Down()
    {
        foreach (var table in new[] { "disputes_sequences", "disputes_history", "disputes_attachments", "disputes_messages", "disputes_open_invoices", "disputes_disputes" })
        {
            Delete.Table(table);
        }
    }
}
