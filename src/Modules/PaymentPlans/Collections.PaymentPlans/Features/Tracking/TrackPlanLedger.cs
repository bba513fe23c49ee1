using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.PaymentPlans.Features.Tracking;

/// <summary>
/// Follows every balance change of a planned invoice. Money in (allocations, discounts) pays installments;
/// money taken back (reversals) unpays them; credit notes, write-offs, voids and downward adjustments lower what
/// the plan must collect. The ledger sees account-credit applications too, which PaymentSucceeded does not.
/// </summary>
internal sealed class PlanLedgerHandler(DbSession db, PlanReceipts receipts, PlanStore store, PlanLifecycle lifecycle)
    : INotificationHandler<InvoiceBalanceChanged>
{
    private static readonly string[] MoneyIn = ["allocation", "discount"];
    private static readonly string[] MoneyBack = ["reversal", "discount_reversal"];
    private static readonly string[] Reductions = ["credit_note", "write_off", "void", "adjustment", "changed"];

    public Task Handle(InvoiceBalanceChanged notification, CancellationToken cancellationToken)
    {
        var reduced = notification.PreviousBalanceMinor - notification.BalanceMinor;
        var reason = notification.Reason;
        if (reduced > 0 && MoneyIn.Contains(reason, StringComparer.Ordinal))
        {
            return InTransaction(() => receipts.CreditAsync(notification.ItemId, reason, notification.SourceId, reduced, cancellationToken), cancellationToken);
        }

        if (reduced < 0 && MoneyBack.Contains(reason, StringComparer.Ordinal))
        {
            return InTransaction(() => receipts.DebitAsync(notification.ItemId, reason, notification.SourceId, -reduced, cancellationToken), cancellationToken);
        }

        return reduced > 0 && Reductions.Contains(reason, StringComparer.Ordinal)
            ? InTransaction(() => ShrinkAsync(notification, reduced, cancellationToken), cancellationToken)
            : Task.CompletedTask;
    }

    private Task InTransaction(Func<Task> work, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            await work();
            return 0;
        }, ct);

    private async Task ShrinkAsync(InvoiceBalanceChanged notification, long reduced, CancellationToken ct)
    {
        if (await receipts.ActivePlanOfAsync(notification.ItemId, ct) is not { } planId)
        {
            return;
        }

        var loaded = (await store.FindAsync(planId, ct))!;
        var shrunk = InstallmentProgress.Shrink(loaded.Installments.Select(i => i.ToState()).ToList(), reduced);
        var plan = await store.ResizeAsync(loaded, shrunk, ct);
        await lifecycle.RecordAsync(plan, "payment_plan.reduced",
            $"Payment plan {plan.Id} reduced to {PlanLifecycle.Amount(plan.TotalMinor, plan.Currency)} after a {notification.Reason.Replace('_', ' ')} on a planned invoice.", ct);
        if (plan.PaidMinor >= plan.TotalMinor)
        {
            await lifecycle.CloseAsync(loaded with { Plan = plan }, PaymentPlanStatuses.Completed, "Nothing more is owed under the plan.", plan.PaidMinor, ct);
        }
    }
}
