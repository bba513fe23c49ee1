using Collections.PaymentPlans.Domain;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.PaymentPlans.Features.Tracking;

/// <summary>
/// Any money allocated to a plan's invoices counts toward its installments, whether it came through a plan
/// checkout or an ordinary transfer; early-payment discounts count too, as they settle the same balance.
/// </summary>
internal sealed class PlanPaymentSucceededHandler(DbSession db, PlanReceipts receipts) : INotificationHandler<PaymentSucceeded>
{
    public Task Handle(PaymentSucceeded notification, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var perPlan = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var allocation in notification.Allocations)
            {
                if (await receipts.ActivePlanOfAsync(allocation.ItemId, cancellationToken) is { } planId)
                {
                    perPlan[planId] = perPlan.GetValueOrDefault(planId) + allocation.AmountMinor + allocation.DiscountMinor;
                }
            }

            foreach (var (planId, amount) in perPlan.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                await receipts.CreditAsync(planId, notification.PaymentId, amount, cancellationToken);
            }

            return perPlan.Count;
        }, cancellationToken);
}

internal sealed class PlanPaymentRefundedHandler(DbSession db, PlanReceipts receipts) : INotificationHandler<PaymentRefunded>
{
    public Task Handle(PaymentRefunded notification, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await receipts.ReverseAsync("refund", notification.RefundId, notification.PaymentId, notification.AmountMinor, cancellationToken);
            return 0;
        }, cancellationToken);
}

/// <summary>A chargeback reverses the payment's allocations, so what it counted toward a plan is owed again.</summary>
internal sealed class PlanChargebackOpenedHandler(DbSession db, PlanReceipts receipts) : INotificationHandler<ChargebackOpened>
{
    public Task Handle(ChargebackOpened notification, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await receipts.ReverseAsync("chargeback", notification.PaymentId, notification.PaymentId, notification.AmountMinor, cancellationToken);
            return 0;
        }, cancellationToken);
}
