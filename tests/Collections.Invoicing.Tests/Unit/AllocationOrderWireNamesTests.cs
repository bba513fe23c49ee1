using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;

namespace Collections.Invoicing.Tests.Unit;

/// <summary>Payments spreads a payment by the debtor's allocation order as Invoicing stores it: the two must name it alike.</summary>
public sealed class AllocationOrderWireNamesTests
{
    [Test]
    public void EveryAllocationOrder_IsStoredUnderTheNameTheContractPublishes()
    {
        var stored = Enum.GetValues<AllocationOrder>().Select(order => WireNames.Of(order));

        Assert.That(stored, Is.EquivalentTo(new[] { AllocationOrders.PrincipalFirst, AllocationOrders.CostsInterestPrincipal }));
    }
}
