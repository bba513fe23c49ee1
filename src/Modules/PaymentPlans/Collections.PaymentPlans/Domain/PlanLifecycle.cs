using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel;
using MediatR;

namespace Collections.PaymentPlans.Domain;

/// <summary>
/// Every status change of a plan goes through here, so invoices are marked (or released), the activity log is
/// written and the notification is published in the same transaction as the change itself.
/// </summary>
internal sealed class PlanLifecycle(PlanStore store, IMediator mediator, TimeProvider time)
{
    public async Task ActivateAsync(LoadedPlan loaded, CancellationToken ct)
    {
        var plan = loaded.Plan;
        var now = time.GetUtcNow();
        await mediator.Send(new SetPaymentPlanCommand(loaded.InvoiceIds, plan.Id), ct);
        await store.UpdateAsync(plan, PaymentPlanStatuses.Active, plan.PaidMinor, now, null, null, ct);
        await RecordAsync(plan, "payment_plan.activated",
            $"Payment plan {plan.Id} active: {Amount(plan.TotalMinor, plan.Currency)} in {loaded.Installments.Count} {plan.Frequency} installments from {plan.FirstPaymentDate:yyyy-MM-dd}.", ct);
        await mediator.Publish(new PaymentPlanActivated(plan.Id, plan.DebtorId, loaded.InvoiceIds, plan.TotalMinor, plan.Currency, loaded.Installments.Count, now), ct);
    }

    /// <summary>Ends a plan as cancelled, rejected, defaulted or completed; an active plan's invoices return to normal collection.</summary>
    public async Task CloseAsync(LoadedPlan loaded, string status, string reason, long paidMinor, CancellationToken ct)
    {
        var plan = loaded.Plan;
        var now = time.GetUtcNow();
        if (plan.Status == PaymentPlanStatuses.Active)
        {
            await mediator.Send(new SetPaymentPlanCommand(loaded.InvoiceIds, null), ct);
        }

        await store.UpdateAsync(plan, status, paidMinor, null, now, reason, ct);
        await RecordAsync(plan, $"payment_plan.{status}", $"Payment plan {plan.Id} {status}: {reason}", ct);
        INotification? fact = status switch
        {
            PaymentPlanStatuses.Cancelled or PaymentPlanStatuses.Rejected => new PaymentPlanCancelled(plan.Id, plan.DebtorId, loaded.InvoiceIds, reason, now),
            PaymentPlanStatuses.Defaulted => new PaymentPlanDefaulted(plan.Id, plan.DebtorId, loaded.InvoiceIds, now),
            PaymentPlanStatuses.Completed => new PaymentPlanCompleted(plan.Id, plan.DebtorId, now),
            _ => null,
        };
        if (fact is not null)
        {
            await mediator.Publish(fact, ct);
        }
    }

    /// <summary>A refund or chargeback took back money of a completed plan: it is owed again, under the same schedule.</summary>
    public async Task ReopenAsync(LoadedPlan loaded, long paidMinor, CancellationToken ct)
    {
        var plan = loaded.Plan;
        await mediator.Send(new SetPaymentPlanCommand(loaded.InvoiceIds, plan.Id), ct);
        await store.UpdateAsync(plan, PaymentPlanStatuses.Active, paidMinor, null, null, null, ct);
        await RecordAsync(plan, "payment_plan.reopened", $"Payment plan {plan.Id} reopened: a payment was reversed and {Amount(plan.TotalMinor - paidMinor, plan.Currency)} is owed again.", ct);
    }

    public async Task RecordAsync(PlanRow plan, string type, string summary, CancellationToken ct) =>
        await mediator.Send(new RecordActivityCommand(plan.DebtorId, type, summary, DetailsJson: $$"""{"paymentPlanId":"{{plan.Id}}"}"""), ct);

    public static string Amount(long minor, string currency) => new Money(minor, Currency.Of(currency)).ToString();
}
