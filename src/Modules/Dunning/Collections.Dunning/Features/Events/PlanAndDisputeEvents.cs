using Collections.Disputes.Contracts;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Dunning.Features.Events;

/// <summary>A defaulted plan returns its invoices to dunning, straight to the next firm step (not back to a friendly one).</summary>
internal sealed class PaymentPlanDefaultedHandler(DbSession db, IMediator mediator, TimeProvider time) : INotificationHandler<PaymentPlanDefaulted>
{
    private const string DeleteSql = "DELETE FROM dunning_invoice_flags WHERE invoice_id = @InvoiceId";
    private const string FlagSql = "INSERT INTO dunning_invoice_flags (invoice_id, debtor_id, reason, created_at) VALUES (@InvoiceId, @DebtorId, @Reason, @Now)";

    public async Task Handle(PaymentPlanDefaulted notification, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var invoiceId in notification.InvoiceIds.Distinct())
        {
            await db.ExecuteAsync(DeleteSql, new { InvoiceId = invoiceId }, cancellationToken);
            await db.ExecuteAsync(FlagSql, new { InvoiceId = invoiceId, notification.DebtorId, Reason = $"plan_defaulted:{notification.PaymentPlanId}", Now = now }, cancellationToken);
        }

        await mediator.Send(new RecordActivityCommand(notification.DebtorId, "dunning.plan_defaulted",
            $"Payment plan {notification.PaymentPlanId} defaulted: its {notification.InvoiceIds.Count} invoice(s) resume dunning at the next firm step."), cancellationToken);
    }
}

/// <summary>
/// A resolved dispute resumes dunning by itself (the disputed amount returns to the collectible balance); when the
/// debtor's claim was not fully upheld, a collector follows up personally before the next reminder lands.
/// </summary>
internal sealed class DisputeResolvedHandler(DbSession db, IMediator mediator, TimeProvider time) : INotificationHandler<DisputeResolved>
{
    private const string TaskSql = """
        INSERT INTO dunning_tasks (id, debtor_id, kind, action, step_key, invoice_ids, reason, status, outcome, note, created_at, completed_at, completed_by)
        VALUES (@Id, @DebtorId, 'follow_up', 'none', NULL, @InvoiceIds, @Reason, 'open', NULL, NULL, @Now, NULL, NULL)
        """;

    public async Task Handle(DisputeResolved notification, CancellationToken cancellationToken)
    {
        if (notification.Outcome == "upheld")
        {
            return;
        }

        var reason = $"Dispute {notification.DisputeId} was resolved ({notification.Outcome}); call to explain the outcome and agree payment of the rest.";
        await db.ExecuteAsync(TaskSql, new { Id = Ids.New("task", time), notification.DebtorId, InvoiceIds = notification.InvoiceId, Reason = reason, Now = time.GetUtcNow() }, cancellationToken);
        await mediator.Send(new RecordActivityCommand(notification.DebtorId, "dunning.dispute_follow_up", reason, notification.InvoiceId), cancellationToken);
    }
}
