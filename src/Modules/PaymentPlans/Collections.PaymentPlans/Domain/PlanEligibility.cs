using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using MediatR;

namespace Collections.PaymentPlans.Domain;

/// <summary>Which invoices may be put in a plan: checked when a plan is drafted (quote, create) and again when staff approve it.</summary>
internal sealed class PlanEligibility(IMediator mediator, DbSession db, CallerContext caller)
{
    private const string OtherPlansSql = """
        SELECT COUNT(*) FROM paymentplans_plan_invoices pi
        JOIN paymentplans_plans p ON p.id = pi.plan_id
        WHERE p.status IN ('proposed', 'active') AND p.id <> @PlanId AND pi.invoice_id = @InvoiceId
        """;

    /// <summary>The items, oldest due first, each visible to the caller, open, undisputed, in one currency and in no other plan.</summary>
    public async Task<IReadOnlyList<ReceivableDto>> EligibleItemsAsync(IReadOnlyList<string> invoiceIds, string exceptPlanId, CancellationToken ct)
    {
        var items = new List<ReceivableDto>();
        foreach (var id in invoiceIds.Distinct(StringComparer.Ordinal))
        {
            var item = await mediator.Send(new GetReceivableQuery(id), ct);
            if (item is null || !caller.Current.CanSee(item.DebtorId))
            {
                throw new NotFoundException("Invoice", id);
            }

            if (item.Status != InvoiceStatuses.Open || item.BalanceMinor <= 0)
            {
                throw new BusinessRuleException($"Invoice {item.Number} is not open; only open invoices can be put in a plan.");
            }

            if (item.DisputedMinor > 0)
            {
                throw new BusinessRuleException($"Invoice {item.Number} is under dispute; resolve the dispute before planning it.");
            }

            if (item.InPaymentPlan)
            {
                throw new BusinessRuleException($"Invoice {item.Number} is already in a payment plan.");
            }

            items.Add(item);
        }

        if (items.Select(i => i.DebtorId).Distinct().Count() > 1)
        {
            throw new BusinessRuleException("All invoices of a plan must belong to the same debtor.");
        }

        if (items.Select(i => i.Currency).Distinct().Count() > 1)
        {
            throw new BusinessRuleException("All invoices of a plan must be in the same currency.");
        }

        foreach (var item in items)
        {
            if (await db.ExecuteScalarAsync<long>(OtherPlansSql, new { PlanId = exceptPlanId, InvoiceId = item.Id }, ct) > 0)
            {
                throw new BusinessRuleException($"Invoice {item.Number} is already in a proposed or active payment plan.");
            }
        }

        return items.OrderBy(i => i.DueDate).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }
}
