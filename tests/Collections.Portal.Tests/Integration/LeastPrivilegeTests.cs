using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>Each caller sees what its role needs: the debtor not the creditor's view of it, the ERP not staff's internal notes.</summary>
public sealed class LeastPrivilegeTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task DebtorSession_SeesItsDebtor_WithoutCreditLimitOrSegment_StaffSeeBoth()
    {
        var debtor = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor())).Id();
        using var session = await App.PortalSession(Staff, debtor);

        var own = await (await session.GetAsync($"/api/v1/debtors/{debtor}")).ShouldBe(HttpStatusCode.OK);
        var staff = await (await Staff.GetAsync($"/api/v1/debtors/{debtor}")).ShouldBe(HttpStatusCode.OK);

        Assert.That(own.GetProperty("creditLimit").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(own.GetProperty("segment").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(staff.GetProperty("creditLimit").Amount(), Is.GreaterThan(0m));
        Assert.That(staff.GetProperty("segment").GetString(), Is.Not.Null);
    }

    [Test]
    public async Task DebtorSession_ActivityLeavesOutHoldsAndPolicies_StaffSeeThem()
    {
        var debtor = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor())).Id();
        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{debtor}/collection-hold", new { doNotContact = false, holdUntil = "2026-03-20", reason = "CFO says cash flow is tight until the 20th" })).ShouldBe(HttpStatusCode.OK);
        using var session = await App.PortalSession(Staff, debtor);

        var own = (await (await session.GetAsync($"/api/v1/debtors/{debtor}/activity")).ShouldBe(HttpStatusCode.OK)).ToString();
        var staff = (await (await Staff.GetAsync($"/api/v1/debtors/{debtor}/activity")).ShouldBe(HttpStatusCode.OK)).ToString();

        Assert.That(staff, Does.Contain("dunning.hold").And.Contain("cash flow is tight"));
        Assert.That(own, Does.Not.Contain("dunning.hold").And.Not.Contain("cash flow is tight"));
        Assert.That(own, Does.Contain("portal.session_started"), "what concerns the debtor stays visible");
    }

    [Test]
    public async Task ErpKey_ReadsADispute_WithoutStaffsInternalNotes()
    {
        var external = Unique("deb");
        var debtor = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        var invoice = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 500m))).Id();
        using var session = await App.PortalSession(Staff, debtor);
        var dispute = (await (await session.PostKeyed("/api/v1/disputes", new { invoiceId = invoice, amount = 100m, reason = "pricing", description = "Price list says 400." })).ShouldBe(HttpStatusCode.Created)).Id();
        await (await Staff.PostAsJsonAsync($"/api/v1/disputes/{dispute}/messages", new { body = "Sales agreed 400 verbally; check before crediting.", @internal = true })).ShouldBe(HttpStatusCode.Created);

        var erp = (await (await Erp.GetAsync($"/api/v1/disputes/{dispute}")).ShouldBe(HttpStatusCode.OK)).ToString();
        var staff = (await (await Staff.GetAsync($"/api/v1/disputes/{dispute}")).ShouldBe(HttpStatusCode.OK)).ToString();

        Assert.That(staff, Does.Contain("Sales agreed 400 verbally"));
        Assert.That(erp, Does.Not.Contain("Sales agreed 400 verbally"));
    }
}
