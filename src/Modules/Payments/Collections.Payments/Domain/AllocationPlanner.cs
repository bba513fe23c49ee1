using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Errors;

namespace Collections.Payments.Domain;

internal sealed record RequestedAllocation(string ItemId, long AmountMinor);

/// <summary>One application of money to one item; TakeDiscount when it settles the item early at total − discount.</summary>
internal sealed record PlannedAllocation(string ItemId, long AmountMinor, bool TakeDiscount);

internal sealed record AllocationPlan(IReadOnlyList<PlannedAllocation> Allocations, long UnappliedMinor)
{
    public long AllocatedMinor => Allocations.Sum(a => a.AmountMinor);
}

/// <summary>
/// Decides where a payment goes, without touching anything: explicit allocations are checked and kept as given;
/// otherwise in the debtor's allocation order (invoices before late fees, or late fees first), oldest due first within
/// each, never onto a disputed amount. What is left becomes unapplied credit.
/// </summary>
internal static class AllocationPlanner
{
    public static AllocationPlan Plan(
        long amountMinor, string currency, DateOnly receivedOn, IReadOnlyList<ReceivableDto> openItems, IReadOnlyList<RequestedAllocation>? requested,
        string allocationOrder = AllocationOrders.PrincipalFirst)
    {
        if (amountMinor <= 0)
        {
            throw new BusinessRuleException("A payment must be for a positive amount.");
        }

        return requested is { Count: > 0 }
            ? Explicit(amountMinor, currency, receivedOn, openItems, requested)
            : Automatic(amountMinor, currency, receivedOn, openItems, allocationOrder);
    }

    /// <summary>
    /// Targets chosen at checkout: each gets its requested amount (or all that is left), capped by its current balance;
    /// exactly balance − discount on or before PayBy settles the item with its early-payment discount.
    /// </summary>
    public static AllocationPlan Targeted(long amountMinor, DateOnly receivedOn, IReadOnlyList<(string ItemId, long? AmountMinor)> targets, IReadOnlyDictionary<string, ReceivableDto> current)
    {
        var remaining = amountMinor;
        var allocations = new List<PlannedAllocation>();
        foreach (var (itemId, wanted) in targets)
        {
            if (remaining == 0 || !current.TryGetValue(itemId, out var item) || item.Status != InvoiceStatuses.Open)
            {
                continue;
            }

            var apply = Math.Min(Math.Min(wanted ?? remaining, remaining), item.BalanceMinor);
            if (apply > 0)
            {
                allocations.Add(new PlannedAllocation(itemId, apply, SettlesWithDiscount(item, apply, receivedOn)));
                remaining -= apply;
            }
        }

        return new AllocationPlan(allocations, remaining);
    }

    private static AllocationPlan Explicit(long amountMinor, string currency, DateOnly receivedOn, IReadOnlyList<ReceivableDto> openItems, IReadOnlyList<RequestedAllocation> requested)
    {
        if (requested.Select(r => r.ItemId).Distinct(StringComparer.Ordinal).Count() != requested.Count)
        {
            throw new BusinessRuleException("Each invoice may appear only once in the allocations.");
        }

        var byId = openItems.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var allocations = new List<PlannedAllocation>(requested.Count);
        foreach (var want in requested)
        {
            if (!byId.TryGetValue(want.ItemId, out var item))
            {
                throw new BusinessRuleException($"Invoice '{want.ItemId}' is not an open invoice of this debtor.");
            }

            if (item.Currency != currency)
            {
                throw new BusinessRuleException($"Invoice {item.Number} is in {item.Currency}; a {currency} payment cannot be applied to it.");
            }

            if (want.AmountMinor <= 0 || want.AmountMinor > item.BalanceMinor)
            {
                throw new BusinessRuleException($"An allocation to invoice {item.Number} must be positive and at most its balance ({item.BalanceMinor} minor units).");
            }

            allocations.Add(new PlannedAllocation(item.Id, want.AmountMinor, SettlesWithDiscount(item, want.AmountMinor, receivedOn)));
        }

        var allocated = allocations.Sum(a => a.AmountMinor);
        if (allocated > amountMinor)
        {
            throw new BusinessRuleException($"The allocations ({allocated} minor units) exceed the payment ({amountMinor} minor units).");
        }

        return new AllocationPlan(allocations, amountMinor - allocated);
    }

    private static AllocationPlan Automatic(long amountMinor, string currency, DateOnly receivedOn, IReadOnlyList<ReceivableDto> openItems, string allocationOrder)
    {
        var remaining = amountMinor;
        var allocations = new List<PlannedAllocation>();
        var feesFirst = allocationOrder == AllocationOrders.CostsInterestPrincipal;
        var candidates = openItems
            .Where(i => i.Currency == currency && i.Status == InvoiceStatuses.Open && i.CollectibleMinor > 0)
            .OrderBy(i => (i.Kind == ItemKinds.LateFee) != feesFirst)
            .ThenBy(i => i.DueDate).ThenBy(i => i.IssueDate).ThenBy(i => i.Id, StringComparer.Ordinal);
        foreach (var item in candidates)
        {
            if (remaining == 0)
            {
                break;
            }

            var discounted = item.DisputedMinor == 0 && item.EarlyPayment is { } offer && receivedOn <= offer.PayBy
                ? item.BalanceMinor - offer.DiscountMinor
                : (long?)null;
            var planned = discounted is { } due && remaining >= due
                ? new PlannedAllocation(item.Id, due, true)
                : new PlannedAllocation(item.Id, Math.Min(remaining, item.CollectibleMinor), false);
            allocations.Add(planned);
            remaining -= planned.AmountMinor;
        }

        return new AllocationPlan(allocations, remaining);
    }

    private static bool SettlesWithDiscount(ReceivableDto item, long amountMinor, DateOnly receivedOn) =>
        item.DisputedMinor == 0 && item.EarlyPayment is { } offer && receivedOn <= offer.PayBy && amountMinor == item.BalanceMinor - offer.DiscountMinor;
}
