using FluentMigrator;

namespace Collections.Dunning.Data;

/// <summary>
/// A run reads each batch's last reminders and open tasks by debtor and status. With an index on the status alone to
/// match both, SQLite read every sent message and every open task of the book once per batch.
/// </summary>
[Migration(600_015, "Dunning: messages and tasks by debtor and status, for a run's batches")]
public sealed class M0015_RunBatchIndexes : Migration
{
    public override void Up()
    {
        Create.Index("ix_dunning_messages_debtor_status").OnTable("dunning_messages")
            .OnColumn("debtor_id").Ascending().OnColumn("status").Ascending();
        Create.Index("ix_dunning_tasks_debtor_status").OnTable("dunning_tasks")
            .OnColumn("debtor_id").Ascending().OnColumn("status").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_dunning_tasks_debtor_status").OnTable("dunning_tasks");
        Delete.Index("ix_dunning_messages_debtor_status").OnTable("dunning_messages");
    }
}
