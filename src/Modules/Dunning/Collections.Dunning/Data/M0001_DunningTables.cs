using FluentMigrator;

namespace Collections.Dunning.Data;

[Migration(600_001, "Dunning: policies, templates, settings, step log, runs, outbox, tasks, promises, pending payments, escalations")]
public sealed class M0001_DunningTables : Migration
{
    public override void Up()
    {
        Create.Table("dunning_policies")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("name").AsString(60).NotNullable().Unique()
            .WithColumn("description").AsString(500).NotNullable()
            .WithColumn("steps_json").AsString(int.MaxValue).NotNullable()
            .WithColumn("version").AsInt32().NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();

        Create.Table("dunning_templates")
            .WithColumn("template_key").AsString(60).PrimaryKey()
            .WithColumn("channel").AsString(20).NotNullable()
            .WithColumn("tone").AsString(20).NotNullable()
            .WithColumn("subject").AsString(300).NotNullable()
            .WithColumn("body").AsString(int.MaxValue).NotNullable()
            .WithColumn("version").AsInt32().NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();

        Create.Table("dunning_debtor_settings")
            .WithColumn("debtor_id").AsString(40).PrimaryKey()
            .WithColumn("policy_id").AsString(40).Nullable()
            .WithColumn("do_not_contact").AsBoolean().NotNullable()
            .WithColumn("hold_until").AsDate().Nullable()
            .WithColumn("hold_reason").AsString(500).Nullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();

        // One row per (invoice, step) ever: the primary key is what makes runs replay-safe.
        Create.Table("dunning_step_log")
            .WithColumn("invoice_id").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("step_key").AsString(60).NotNullable().PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("run_id").AsString(40).NotNullable()
            .WithColumn("outcome").AsString(20).NotNullable()
            .WithColumn("message_id").AsString(40).Nullable()
            .WithColumn("task_id").AsString(40).Nullable()
            .WithColumn("skipped_steps").AsString(500).Nullable()
            .WithColumn("as_of").AsDate().NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();

        Create.Table("dunning_runs")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("as_of").AsDate().Nullable()
            .WithColumn("evaluated").AsInt32().NotNullable()
            .WithColumn("messages").AsInt32().NotNullable()
            .WithColumn("tasks").AsInt32().NotNullable()
            .WithColumn("started_by").AsString(200).NotNullable()
            .WithColumn("started_at").AsDateTime2().NotNullable();

        // The transactional outbox: written in the run's transaction, drained by the dispatcher.
        Create.Table("dunning_messages")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("run_id").AsString(40).NotNullable()
            .WithColumn("channel").AsString(20).NotNullable()
            .WithColumn("tone").AsString(20).NotNullable()
            .WithColumn("step_key").AsString(60).NotNullable()
            .WithColumn("template_key").AsString(60).NotNullable()
            .WithColumn("to_name").AsString(200).Nullable()
            .WithColumn("to_address").AsString(320).Nullable()
            .WithColumn("subject").AsString(500).NotNullable()
            .WithColumn("body_html").AsString(int.MaxValue).NotNullable()
            .WithColumn("body_text").AsString(int.MaxValue).NotNullable()
            .WithColumn("invoice_ids").AsString(int.MaxValue).NotNullable()
            .WithColumn("total_minor").AsInt64().NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("next_step_on").AsDate().Nullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("attempts").AsInt32().NotNullable()
            .WithColumn("not_before").AsDateTime2().NotNullable()
            .WithColumn("next_attempt_at").AsDateTime2().NotNullable()
            .WithColumn("last_error").AsString(1000).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("sent_at").AsDateTime2().Nullable();
        Create.Index("ux_dunning_messages_debtor_run_channel").OnTable("dunning_messages")
            .OnColumn("debtor_id").Ascending().OnColumn("run_id").Ascending().OnColumn("channel").Ascending().WithOptions().Unique();
        Create.Index("ix_dunning_messages_status_next").OnTable("dunning_messages")
            .OnColumn("status").Ascending().OnColumn("next_attempt_at").Ascending();

        Create.Table("dunning_tasks")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("kind").AsString(20).NotNullable()
            .WithColumn("action").AsString(30).NotNullable()
            .WithColumn("step_key").AsString(60).Nullable()
            .WithColumn("invoice_ids").AsString(int.MaxValue).NotNullable()
            .WithColumn("reason").AsString(500).NotNullable()
            .WithColumn("status").AsString(20).NotNullable().Indexed()
            .WithColumn("outcome").AsString(30).Nullable()
            .WithColumn("note").AsString(2000).Nullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("completed_at").AsDateTime2().Nullable()
            .WithColumn("completed_by").AsString(200).Nullable();

        Create.Table("dunning_promises")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("promised_date").AsDate().NotNullable()
            .WithColumn("live_until").AsDate().NotNullable()
            .WithColumn("invoice_ids").AsString(int.MaxValue).NotNullable()
            .WithColumn("paid_minor").AsInt64().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("created_by").AsString(200).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("closed_at").AsDateTime2().Nullable();

        Create.Table("dunning_pending_payments")
            .WithColumn("attempt_id").AsString(100).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("method").AsString(30).NotNullable()
            .WithColumn("item_ids").AsString(int.MaxValue).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();

        // Invoices whose next step must be the next firm one at once (a broken promise, a defaulted plan).
        Create.Table("dunning_invoice_flags")
            .WithColumn("invoice_id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("reason").AsString(200).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();

        Create.Table("dunning_escalations")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("escalation_type").AsString(20).NotNullable()
            .WithColumn("agency_name").AsString(200).Nullable()
            .WithColumn("fee_basis_points").AsInt32().Nullable()
            .WithColumn("note").AsString(2000).Nullable()
            .WithColumn("created_by").AsString(200).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "dunning_escalations", "dunning_invoice_flags", "dunning_pending_payments", "dunning_promises", "dunning_tasks", "dunning_messages", "dunning_runs", "dunning_step_log", "dunning_debtor_settings", "dunning_templates", "dunning_policies" })
        {
            Delete.Table(table);
        }
    }
}
