using System.Text.Json;
using Collections.Dunning.Contracts;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Dunning.Features.Runs;

/// <summary>
/// Records a run, then persists the plan of each of its batches inside that batch's transaction: step log (the once-ever
/// guard), outbox, tasks, activity, notifications, and the batch's counts added to the run's row.
/// </summary>
internal sealed class RunWriter(DbSession db, IMediator mediator, TimeProvider time)
{
    private const string RunSql = "INSERT INTO dunning_runs (id, as_of, evaluated, messages, tasks, started_by, started_at) VALUES (@Id, @AsOf, 0, 0, 0, @StartedBy, @Now)";
    private const string CountSql = "UPDATE dunning_runs SET evaluated = evaluated + @Evaluated, messages = messages + @Messages, tasks = tasks + @Tasks WHERE id = @Id";
    private const string StepSql = """
        INSERT INTO dunning_step_log (invoice_id, step_key, debtor_id, run_id, outcome, message_id, task_id, skipped_steps, as_of, created_at)
        VALUES (@InvoiceId, @StepKey, @DebtorId, @RunId, @Outcome, @MessageId, @TaskId, @Skipped, @AsOf, @Now)
        """;
    private const string MessageSql = """
        INSERT INTO dunning_messages (id, debtor_id, run_id, channel, tone, step_key, template_key, to_name, to_address, subject, body_html, body_text,
            invoice_ids, total_minor, currency, next_step_on, status, attempts, not_before, next_attempt_at, last_error, created_at, sent_at)
        VALUES (@Id, @DebtorId, @RunId, @Channel, @Tone, @StepKey, @TemplateKey, @ToName, @ToAddress, @Subject, @BodyHtml, @BodyText,
            @InvoiceIds, @TotalMinor, @Currency, @NextStepOn, @Status, 0, @NotBefore, @NotBefore, @Error, @Now, NULL)
        """;
    private const string TaskSql = """
        INSERT INTO dunning_tasks (id, debtor_id, kind, action, step_key, invoice_ids, reason, status, outcome, note, created_at, completed_at, completed_by)
        VALUES (@Id, @DebtorId, @Kind, @Action, @StepKey, @InvoiceIds, @Reason, 'open', NULL, NULL, @Now, NULL, NULL)
        """;
    private const string MergeTaskSql = "UPDATE dunning_tasks SET invoice_ids = @InvoiceIds, reason = @Reason WHERE id = @Id AND status = 'open'";
    private const string BreakSql = "UPDATE dunning_promises SET status = 'broken', closed_at = @Now WHERE id = @Id AND status = 'live'";
    private const string UnflagSql = "DELETE FROM dunning_invoice_flags WHERE invoice_id = @InvoiceId";

    public Task StartAsync(string runId, DateOnly? asOf, string startedBy, CancellationToken ct) =>
        db.ExecuteAsync(RunSql, new { Id = runId, AsOf = asOf, StartedBy = startedBy, Now = time.GetUtcNow() }, ct);

    public async Task WriteBatchAsync(string runId, RunPlan plan, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.ExecuteAsync(CountSql, new { Id = runId, plan.Evaluated, Messages = plan.Messages.Count, Tasks = plan.Tasks.Count }, ct);
        await db.ExecuteAsync(StepSql, plan.Takes.Select(t => new
        {
            InvoiceId = t.Item.Id,
            t.StepKey,
            t.Item.DebtorId,
            RunId = runId,
            Outcome = t.MessageId is not null ? t.Step.Channel : t.TaskId is not null ? "task" : "none",
            t.MessageId,
            t.TaskId,
            Skipped = t.Skipped.Count == 0 ? null : string.Join(',', t.Skipped),
            AsOf = t.Today,
            Now = now,
        }).ToList(), ct);
        await db.ExecuteAsync(UnflagSql, plan.UsedFlags.Select(id => new { InvoiceId = id }).ToList(), ct);
        // One batched statement per table and one batched activity write: a run can write tens of thousands of rows.
        var activities = new List<ActivityToRecord>(plan.Messages.Count + plan.Tasks.Count);
        var messageRows = new List<object>(plan.Messages.Count);
        foreach (var message in plan.Messages)
        {
            var first = message.Lines[0].Item;
            messageRows.Add(new
            {
                message.Id,
                DebtorId = message.Debtor.Id,
                RunId = runId,
                message.Channel,
                message.Step.Tone,
                StepKey = message.Step.Key,
                message.TemplateKey,
                ToName = message.Contact?.Name,
                ToAddress = message.Channel switch
                {
                    Channels.Email => message.Contact?.Email,
                    Channels.Sms => message.Contact?.Phone,
                    _ => null,
                },
                message.Content.Subject,
                BodyHtml = message.Content.Html,
                BodyText = message.Content.Text,
                InvoiceIds = IdList.Join(message.Lines.Select(l => l.Item.Id)),
                TotalMinor = message.Lines.Where(l => l.Item.Currency == first.Currency).Sum(l => l.CollectibleMinor),
                first.Currency,
                message.NextStepOn,
                message.Status,
                message.NotBefore,
                message.Error,
                Now = now,
            });
            var snapshot = JsonSerializer.Serialize(new { message.Id, message.Channel, message.Step.Tone, step = message.Step.Key, message.Content.Subject, body = message.Content.Text });
            activities.Add(new ActivityToRecord(message.Debtor.Id, $"dunning.{message.Channel}",
                $"{Channels.Label(message.Channel)} '{message.Content.Subject}' ({message.Step.Tone}, step {message.Step.Key}) for {message.Lines.Count} invoice(s).", DetailsJson: snapshot));
        }

        if (messageRows.Count > 0)
        {
            await db.ExecuteAsync(MessageSql, messageRows, ct);
        }

        var taskArgs = plan.Tasks.Select(task => (task.Merged, Args: (object)new { task.Id, task.DebtorId, task.Kind, task.Action, task.StepKey, InvoiceIds = IdList.Join(task.InvoiceIds), task.Reason, Now = now })).ToList();
        foreach (var (sql, merged) in new[] { (TaskSql, false), (MergeTaskSql, true) })
        {
            var rows = taskArgs.Where(t => t.Merged == merged).Select(t => t.Args).ToList();
            if (rows.Count > 0)
            {
                await db.ExecuteAsync(sql, rows, ct);
            }
        }

        activities.AddRange(plan.Tasks.Select(task => new ActivityToRecord(task.DebtorId, "dunning.task", $"{(task.Kind == TaskKinds.Proposal ? "Proposal" : "Call task")} {task.Action}: {task.Reason}")));
        if (activities.Count > 0)
        {
            await mediator.Send(new RecordActivitiesCommand(activities), ct);
        }

        foreach (var message in plan.Messages)
        {
            await mediator.Publish(new ReminderSent(message.Id, message.Debtor.Id, message.Lines.Select(l => l.Item.Id).ToList(), message.Step.Key, message.Step.Tone, message.Channel, now), ct);
        }

        foreach (var promise in plan.BrokenPromises)
        {
            await BreakAsync(promise, now, ct);
        }
    }

    private async Task BreakAsync(PromiseRow promise, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.ExecuteAsync(BreakSql, new { promise.Id, Now = now }, ct) == 0)
        {
            return;
        }

        var shortMinor = Math.Max(0, promise.AmountMinor - promise.PaidMinor);
        await mediator.Send(new RecordActivityCommand(promise.DebtorId, "dunning.promise_broken",
            $"Promise to pay {MessageComposer.Amount(promise.AmountMinor, promise.Currency)} by {MessageComposer.Date(promise.PromisedDate)} was broken: {MessageComposer.Amount(shortMinor, promise.Currency)} short."), ct);
        await mediator.Publish(new PromiseToPayBroken(promise.Id, promise.DebtorId, shortMinor, promise.Currency, now), ct);
    }
}
