using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.PaymentPlans.Features.Tracking;

/// <summary>
/// A credit note, write-off, void or downward adjustment on a planned invoice lowers what the plan must collect.
/// Payments and their discounts are counted from PaymentSucceeded instead, so they are not counted twice here.
/// </summary>
internal sealed class PlanBalanceReducedHandler(DbSession db, PlanReceipts receipts, PlanStore store, PlanLifecycle lifecycle)
    : INotificationHandler<InvoiceBalanceChanged>
{
    private static readonly string[] Reductions = ["credit_note", "write_off", "void", "adjustment"];

    public Task Handle(InvoiceBalanceChanged notification, CancellationToken cancellationToken)
    {
        var reduced = notification.PreviousBalanceMinor - notification.BalanceMinor;
        if (reduced <= 0 || !Reductions.Contains(notification.Reason, StringComparer.Ordinal))
        {
            return Task.CompletedTask;
        }

        return db.InTransactionAsync(async () =>
        {
            if (await receipts.ActivePlanOfAsync(notification.ItemId, cancellationToken) is not { } planId)
            {
                return 0;
            }

            var loaded = (await store.FindAsync(planId, cancellationToken))!;
            var shrunk = InstallmentProgress.Shrink(loaded.Installments.Select(i => i.ToState()).ToList(), reduced);
            var plan = await store.ResizeAsync(loaded, shrunk, cancellationToken);
            await lifecycle.RecordAsync(plan, "payment_plan.reduced",
                $"Payment plan {plan.Id} reduced to {PlanLifecycle.Amount(plan.TotalMinor, plan.Currency)} after a {notification.Reason.Replace('_', ' ')} on a planned invoice.", cancellationToken);
            if (plan.PaidMinor >= plan.TotalMinor)
            {
                await lifecycle.CloseAsync(loaded with { Plan = plan }, PaymentPlanStatuses.Completed, "Nothing more is owed under the plan.", plan.PaidMinor, cancellationToken);
            }

            return 1;
        }, cancellationToken);
    }
}
