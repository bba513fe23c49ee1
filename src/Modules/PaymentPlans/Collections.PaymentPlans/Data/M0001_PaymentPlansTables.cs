using FluentMigrator;

namespace Collections.PaymentPlans.Data;

[Migration(500_001, "PaymentPlans: plans, their invoices, installments, receipts")]
public sealed class M0001_PaymentPlansTables : Migration
{
    public override void Up()
    {
        Create.Table("paymentplans_plans")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("total_minor").AsInt64().NotNullable()
            .WithColumn("paid_minor").AsInt64().NotNullable()
            .WithColumn("down_payment_minor").AsInt64().NotNullable()
            .WithColumn("frequency").AsString(20).NotNullable()
            .WithColumn("first_payment_date").AsDate().NotNullable()
            .WithColumn("time_zone").AsString(64).NotNullable()
            .WithColumn("policy_reasons_json").AsString(4000).NotNullable()
            .WithColumn("created_by").AsString(200).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("activated_at").AsDateTime2().Nullable()
            .WithColumn("closed_at").AsDateTime2().Nullable()
            .WithColumn("close_reason").AsString(500).Nullable()
            .WithColumn("version").AsInt32().NotNullable();
        Create.Index("ix_paymentplans_plans_debtor").OnTable("paymentplans_plans")
            .OnColumn("debtor_id").Ascending().OnColumn("id").Ascending();
        Create.Index("ix_paymentplans_plans_status").OnTable("paymentplans_plans")
            .OnColumn("status").Ascending();

        Create.Table("paymentplans_plan_invoices")
            .WithColumn("plan_id").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("invoice_id").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("position").AsInt32().NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable();
        Create.Index("ix_paymentplans_plan_invoices_invoice").OnTable("paymentplans_plan_invoices")
            .OnColumn("invoice_id").Ascending();

        Create.Table("paymentplans_installments")
            .WithColumn("plan_id").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("number").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("due_date").AsDate().NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("paid_minor").AsInt64().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("is_down_payment").AsBoolean().NotNullable();

        // Money counted toward a plan, one row per (payment, refund or chargeback): replays of a notification add nothing.
        Create.Table("paymentplans_receipts")
            .WithColumn("plan_id").AsString(40).NotNullable().PrimaryKey()
            .WithColumn("source_type").AsString(20).NotNullable().PrimaryKey()
            .WithColumn("source_id").AsString(100).NotNullable().PrimaryKey()
            .WithColumn("payment_id").AsString(100).NotNullable().Indexed()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("recorded_at").AsDateTime2().NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "paymentplans_receipts", "paymentplans_installments", "paymentplans_plan_invoices", "paymentplans_plans" })
        {
            Delete.Table(table);
        }
    }
}
