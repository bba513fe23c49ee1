using Collections.Invoicing.Contracts;
using Collections.Payments.Domain;
using Collections.SharedKernel.Errors;

namespace Collections.Payments.Tests.Unit;

public sealed class AllocationPlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static ReceivableDto Item(string id, long balance, int dueDay, long disputed = 0, string currency = "EUR", EarlyPaymentDto? early = null) =>
        new(id, ItemKinds.Invoice, "deb_1", "ext-" + id, "N-" + id, null, null, currency, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1).AddDays(dueDay),
            balance, balance, disputed, false, false, InvoiceStatuses.Open, early);

    [Test]
    public void Automatic_ForRandomBooks_PreservesTheSumAndNeverOverApplies()
    {
        var random = new Random(4242);
        for (var run = 0; run < 2000; run++)
        {
            var items = Enumerable.Range(0, random.Next(0, 7))
                .Select(i => Item($"i{i}", random.Next(1, 50_000), random.Next(0, 90), random.Next(4) == 0 ? random.Next(0, 50_000) : 0, random.Next(5) == 0 ? "USD" : "EUR"))
                .Select(i => i with { DisputedMinor = Math.Min(i.DisputedMinor, i.BalanceMinor) })
                .ToList();
            var amount = (long)random.Next(1, 150_000);

            var plan = AllocationPlanner.Plan(amount, "EUR", Today, items, null);

            Assert.That(plan.AllocatedMinor + plan.UnappliedMinor, Is.EqualTo(amount), "sum preserved");
            Assert.That(plan.UnappliedMinor, Is.GreaterThanOrEqualTo(0));
            foreach (var allocation in plan.Allocations)
            {
                var item = items.Single(i => i.Id == allocation.ItemId);
                Assert.That(item.Currency, Is.EqualTo("EUR"), "currencies never mix");
                Assert.That(allocation.AmountMinor, Is.InRange(1, item.CollectibleMinor), "never onto a disputed amount, never below zero");
            }

            var collectible = items.Where(i => i.Currency == "EUR").Sum(i => i.CollectibleMinor);
            Assert.That(plan.UnappliedMinor, Is.EqualTo(Math.Max(0, amount - collectible)), "credit only once everything collectible is paid");
            var partial = plan.Allocations.Where(a => a.AmountMinor < items.Single(i => i.Id == a.ItemId).CollectibleMinor).ToList();
            Assert.That(partial.Count, Is.LessThanOrEqualTo(1), "at most the last item is paid in part");
            if (partial.Count == 1)
            {
                Assert.That(plan.Allocations[^1], Is.EqualTo(partial[0]), "oldest first: only the newest item reached is partial");
            }
        }
    }

    [Test]
    public void Automatic_PaysOldestDueDateFirst()
    {
        var plan = AllocationPlanner.Plan(150, "EUR", Today, [Item("late", 100, 40), Item("early", 100, 10)], null);

        Assert.That(plan.Allocations, Is.EqualTo(new[] { new PlannedAllocation("early", 100, false), new PlannedAllocation("late", 50, false) }));
    }

    [TestCase(AllocationOrders.PrincipalFirst, new[] { "old-invoice", "new-invoice", "old-fee" }, new long[] { 100, 100, 30 })]
    [TestCase(AllocationOrders.CostsInterestPrincipal, new[] { "old-fee", "new-fee", "old-invoice", "new-invoice" }, new long[] { 50, 50, 100, 30 })]
    public void Automatic_FollowsTheDebtorsAllocationOrder_OldestFirstWithinEach(string order, string[] paid, long[] amounts)
    {
        ReceivableDto[] items =
        [
            Item("new-invoice", 100, 30), Item("old-invoice", 100, 5),
            Item("new-fee", 50, 45) with { Kind = ItemKinds.LateFee }, Item("old-fee", 50, 35) with { Kind = ItemKinds.LateFee },
        ];

        var plan = AllocationPlanner.Plan(230, "EUR", Today, items, null, order);

        Assert.That(plan.Allocations.Select(a => (a.ItemId, a.AmountMinor)), Is.EqualTo(paid.Zip(amounts)));
        Assert.That(plan.UnappliedMinor, Is.Zero);
    }

    [Test]
    public void Automatic_WhenFullyDisputed_SkipsTheInvoice()
    {
        var plan = AllocationPlanner.Plan(100, "EUR", Today, [Item("disputed", 100, 1, disputed: 100), Item("next", 60, 20)], null);

        Assert.That(plan.Allocations.Select(a => a.ItemId), Is.EqualTo(new[] { "next" }));
        Assert.That(plan.UnappliedMinor, Is.EqualTo(40));
    }

    [Test]
    public void Automatic_WhenEnoughForDiscountedTotalByPayBy_SettlesWithDiscount()
    {
        var item = Item("disc", 1000, 30, early: new EarlyPaymentDto(20, Today.AddDays(3)));

        var plan = AllocationPlanner.Plan(990, "EUR", Today, [item], null);

        Assert.That(plan.Allocations.Single(), Is.EqualTo(new PlannedAllocation("disc", 980, true)));
        Assert.That(plan.UnappliedMinor, Is.EqualTo(10));
    }

    [Test]
    public void Automatic_WhenReceivedAfterPayBy_PaysWithoutDiscount()
    {
        var item = Item("disc", 1000, 30, early: new EarlyPaymentDto(20, Today.AddDays(-1)));

        var plan = AllocationPlanner.Plan(980, "EUR", Today, [item], null);

        Assert.That(plan.Allocations.Single(), Is.EqualTo(new PlannedAllocation("disc", 980, false)));
    }

    [Test]
    public void Explicit_KeepsAmountsAsGivenAndLeavesTheRestAsCredit()
    {
        var plan = AllocationPlanner.Plan(500, "EUR", Today, [Item("a", 100, 1), Item("b", 300, 2, disputed: 300)], [new RequestedAllocation("b", 300)]);

        Assert.That(plan.Allocations.Single(), Is.EqualTo(new PlannedAllocation("b", 300, false)));
        Assert.That(plan.UnappliedMinor, Is.EqualTo(200));
    }

    [TestCase("a", 101, TestName = "Explicit_WhenAboveBalance_Refuses")]
    [TestCase("a", 0, TestName = "Explicit_WhenZero_Refuses")]
    [TestCase("zz", 10, TestName = "Explicit_WhenNotAnOpenItemOfTheDebtor_Refuses")]
    [TestCase("usd", 10, TestName = "Explicit_WhenCurrencyDiffers_Refuses")]
    public void Explicit_WhenRuleBroken_Refuses(string itemId, long amount)
    {
        Assert.Throws<BusinessRuleException>(() =>
            AllocationPlanner.Plan(1000, "EUR", Today, [Item("a", 100, 1), Item("usd", 100, 1, currency: "USD")], [new RequestedAllocation(itemId, amount)]));
    }

    [Test]
    public void Explicit_WhenSumExceedsPayment_Refuses()
    {
        Assert.Throws<BusinessRuleException>(() =>
            AllocationPlanner.Plan(150, "EUR", Today, [Item("a", 100, 1), Item("b", 100, 2)], [new RequestedAllocation("a", 100), new RequestedAllocation("b", 51)]));
    }

    [Test]
    public void Explicit_WhenItemListedTwice_Refuses()
    {
        Assert.Throws<BusinessRuleException>(() =>
            AllocationPlanner.Plan(150, "EUR", Today, [Item("a", 100, 1)], [new RequestedAllocation("a", 10), new RequestedAllocation("a", 10)]));
    }

    [Test]
    public void Targeted_CapsEachTargetByItsCurrentBalanceAndKeepsTheRest()
    {
        var current = new Dictionary<string, ReceivableDto> { ["a"] = Item("a", 40, 1), ["b"] = Item("b", 100, 2) };

        var plan = AllocationPlanner.Targeted(200, Today, [("a", 100L), ("gone", 50L), ("b", null)], current);

        Assert.That(plan.Allocations, Is.EqualTo(new[] { new PlannedAllocation("a", 40, false), new PlannedAllocation("b", 100, false) }));
        Assert.That(plan.UnappliedMinor, Is.EqualTo(60));
    }

    [Test]
    public void Targeted_ForExactlyBalanceMinusDiscountByPayBy_TakesTheDiscount()
    {
        var offer = new EarlyPaymentDto(20, Today);
        var current = new Dictionary<string, ReceivableDto> { ["a"] = Item("a", 1000, 30, early: offer), ["b"] = Item("b", 1000, 30, early: offer) };

        var plan = AllocationPlanner.Targeted(1980, Today, [("a", 980L), ("b", null)], current);

        Assert.That(plan.Allocations, Is.EqualTo(new[] { new PlannedAllocation("a", 980, true), new PlannedAllocation("b", 1000, false) }));
        Assert.That(plan.UnappliedMinor, Is.Zero);
    }

    [Test]
    public void Targeted_AfterPayByOrForAnotherAmountOrWhenDisputed_KeepsTheDiscountOpen()
    {
        var offer = new EarlyPaymentDto(20, Today);
        var current = new Dictionary<string, ReceivableDto>
        {
            ["a"] = Item("a", 1000, 30, early: offer),
            ["b"] = Item("b", 1000, 30, early: offer),
            ["c"] = Item("c", 1000, 30, disputed: 100, early: offer),
        };

        Assert.That(AllocationPlanner.Targeted(980, Today.AddDays(1), [("a", null)], current).Allocations.Single().TakeDiscount, Is.False);
        Assert.That(AllocationPlanner.Targeted(979, Today, [("b", null)], current).Allocations.Single().TakeDiscount, Is.False);
        Assert.That(AllocationPlanner.Targeted(980, Today, [("c", 980L)], current).Allocations.Single().TakeDiscount, Is.False);
        Assert.That(AllocationPlanner.Targeted(980, Today, [("b", null)], current).Allocations.Single().TakeDiscount, Is.True);
    }
}
