using FluentMigrator;

namespace Collections.Insights.Data;

[Migration(700_001, "Insights: read model of receivables, movements, payments, disputes, plans, promises, alerts")]
public sealed class M0001_InsightsTables : Migration
{
    public override void Up()
    {
        Create.Table("insights_items")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("kind").AsString(20).NotNullable()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("issue_date").AsDate().NotNullable()
            .WithColumn("due_date").AsDate().NotNullable()
            .WithColumn("total_minor").AsInt64().NotNullable()
            .WithColumn("balance_minor").AsInt64().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("paid_on").AsDate().Nullable();

        // Signed changes of invoice balances by day; receivables at any date are their running sum.
        Create.Table("insights_movements")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("item_id").AsString(40).NotNullable().Indexed()
            .WithColumn("debtor_id").AsString(40).NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("on_date").AsDate().NotNullable()
            .WithColumn("on_month").AsInt32().NotNullable()
            .WithColumn("due_date").AsDate().NotNullable()
            .WithColumn("is_sale").AsInt32().NotNullable()
            .WithColumn("reason").AsString(30).NotNullable()
            .WithColumn("source_id").AsString(100).Nullable().Indexed()
            .WithColumn("delta_minor").AsInt64().NotNullable();
        Create.Index("ix_insights_movements_currency_date").OnTable("insights_movements")
            .OnColumn("currency").Ascending().OnColumn("on_date").Ascending();

        Create.Table("insights_payments")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("refunded_minor").AsInt64().NotNullable()
            .WithColumn("received_on").AsDate().NotNullable()
            .WithColumn("received_month").AsInt32().NotNullable();
        Create.Index("ix_insights_payments_currency_date").OnTable("insights_payments")
            .OnColumn("currency").Ascending().OnColumn("received_on").Ascending();

        Create.Table("insights_chargebacks")
            .WithColumn("payment_id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("opened_on").AsDate().NotNullable();

        Create.Table("insights_disputes")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("invoice_id").AsString(40).NotNullable()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("disputed_minor").AsInt64().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("outcome").AsString(30).Nullable()
            .WithColumn("opened_on").AsDate().NotNullable()
            .WithColumn("closed_on").AsDate().Nullable();

        Create.Table("insights_plans")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("total_minor").AsInt64().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("started_on").AsDate().NotNullable()
            .WithColumn("ended_on").AsDate().Nullable();

        Create.Table("insights_promises")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("currency").AsString(3).NotNullable()
            .WithColumn("amount_minor").AsInt64().NotNullable()
            .WithColumn("promised_for").AsDate().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("resolved_on").AsDate().Nullable();

        Create.Table("insights_alerts")
            .WithColumn("id").AsString(40).PrimaryKey()
            .WithColumn("cause_key").AsString(200).NotNullable().Unique()
            .WithColumn("debtor_id").AsString(40).NotNullable().Indexed()
            .WithColumn("alert_type").AsString(40).NotNullable()
            .WithColumn("message").AsString(1000).NotNullable()
            .WithColumn("created_at").AsDateTime2().NotNullable()
            .WithColumn("acknowledged_at").AsDateTime2().Nullable()
            .WithColumn("acknowledged_by").AsString(200).Nullable();

        Create.Table("insights_debtor_bands")
            .WithColumn("debtor_id").AsString(40).PrimaryKey()
            .WithColumn("band").AsString(10).NotNullable()
            .WithColumn("score").AsDecimal(5, 1).NotNullable()
            .WithColumn("updated_at").AsDateTime2().NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "insights_debtor_bands", "insights_alerts", "insights_promises", "insights_plans", "insights_disputes", "insights_chargebacks", "insights_payments", "insights_movements", "insights_items" })
        {
            Delete.Table(table);
        }
    }
}
