using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Disputes.Tests.Integration;

public sealed class VisibilityTests(DatabaseProvider provider) : DisputesFixture(provider)
{
    private string mine = null!;
    private string theirs = null!;
    private string theirDispute = null!;
    private string myDispute = null!;
    private string theirInvoice = null!;

    [OneTimeSetUp]
    public async Task TwoDebtorsWithADisputeEach()
    {
        var (me, myExternal) = await Erp.CreateDebtor();
        var (them, theirExternal) = await Erp.CreateDebtor();
        (mine, theirs) = (me, them);
        myDispute = (await Opened(App.DebtorSession(mine), await Erp.NewInvoice(myExternal, 1000.00m), 10m)).Text("id");
        theirInvoice = await Erp.NewInvoice(theirExternal, 1000.00m);
        theirDispute = (await Opened(App.DebtorSession(theirs), await Erp.NewInvoice(theirExternal, 1000.00m), 10m)).Text("id");
        await (await Staff.PostKeyed($"/api/v1/disputes/{myDispute}/messages", new { body = "Customer is a known late payer; check delivery notes.", @internal = true })).ShouldBe(HttpStatusCode.Created);
        await (await Staff.PostKeyed($"/api/v1/disputes/{myDispute}/messages", new { body = "We are checking the delivery notes." })).ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Get_WhenOwnDispute_ShowsThreadWithoutInternalNotes()
    {
        var seen = await Dispute(App.DebtorSession(mine), myDispute);

        var fromStaff = seen.GetProperty("messages").EnumerateArray().Where(m => m.Text("authorRole") == "staff").Select(m => m.Text("body")).ToList();
        Assert.That(fromStaff, Is.EqualTo(new[] { "We are checking the delivery notes." }));
        Assert.That(seen.GetProperty("messages").EnumerateArray().Any(m => m.GetProperty("internal").GetBoolean()), Is.False);
    }

    [Test]
    public async Task Get_WhenStaff_SeesInternalNotesToo()
    {
        var seen = await Dispute(Staff, myDispute);

        Assert.That(seen.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("internal").GetBoolean()), Is.EqualTo(1));
    }

    [Test]
    public async Task DebtorActivity_WhenInternalNotePosted_IsHiddenFromDebtor()
    {
        var asDebtor = await (await App.DebtorSession(mine).GetAsync($"/api/v1/debtors/{mine}/activity")).ShouldBe(HttpStatusCode.OK);
        var asStaff = await (await Staff.GetAsync($"/api/v1/debtors/{mine}/activity")).ShouldBe(HttpStatusCode.OK);

        Assert.That(asDebtor.GetProperty("items").EnumerateArray().Select(a => a.Text("type")), Has.None.StartWith("internal."));
        Assert.That(asStaff.GetProperty("items").EnumerateArray().Select(a => a.Text("type")), Has.Some.EqualTo("internal.dispute.note"));
    }

    [Test]
    public async Task OtherDebtorsDispute_IsNotFoundForEveryAction()
    {
        var session = App.DebtorSession(mine);

        await (await session.GetAsync($"/api/v1/disputes/{theirDispute}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await session.PostKeyed($"/api/v1/disputes/{theirDispute}/messages", new { body = "hello" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await session.PostAsync($"/api/v1/disputes/{theirDispute}/withdraw", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 x"u8.ToArray()), "file", "proof.pdf" } };
        await (await session.PostAsync($"/api/v1/disputes/{theirDispute}/attachments", form)).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.That((await Dispute(Staff, theirDispute)).Text("status"), Is.EqualTo("open"));
    }

    [Test]
    public async Task Open_WhenOtherDebtorsInvoice_Is404()
    {
        await (await Open(App.DebtorSession(mine), theirInvoice)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Open_WhenOtherDebtorsInvoiceAlreadyDisputed_Is404Not409()
    {
        var disputed = (await Dispute(Staff, theirDispute)).Text("invoiceId");

        await (await Open(App.DebtorSession(mine), disputed)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Open(App.DebtorSession(theirs), disputed)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task List_WhenDebtorSession_ShowsOnlyOwnDisputes()
    {
        var own = await (await App.DebtorSession(mine).GetAsync("/api/v1/disputes")).ShouldBe(HttpStatusCode.OK);
        var asked = await (await App.DebtorSession(mine).GetAsync($"/api/v1/disputes?debtorId={theirs}")).ShouldBe(HttpStatusCode.OK);

        Assert.That(own.GetProperty("items").EnumerateArray().Select(d => d.Text("id")), Is.EqualTo(new[] { myDispute }));
        Assert.That(asked.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task DebtorSession_MayNotPostInternalNotes_Is403()
    {
        await (await App.DebtorSession(mine).PostKeyed($"/api/v1/disputes/{myDispute}/messages", new { body = "psst", @internal = true })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task DebtorSession_MayNotAssignOrResolve_Is403()
    {
        var session = App.DebtorSession(mine);

        await (await session.PostAsJsonAsync($"/api/v1/disputes/{myDispute}/assign", new { assignee = "me" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Resolve(session, myDispute, "accepted")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task DebtorMessage_IsInThreadAsDebtor()
    {
        var posted = await (await App.DebtorSession(mine).PostKeyed($"/api/v1/disputes/{myDispute}/messages", new { body = "Delivery note attached tomorrow." })).ShouldBe(HttpStatusCode.Created);

        Assert.That((posted.Text("authorRole"), posted.GetProperty("internal").GetBoolean()), Is.EqualTo(("debtor", false)));
    }

    [Test]
    public async Task RealPortalSession_OpensOwnDisputeAndCannotSeeAnothers()
    {
        using var portal = await App.PortalSession(Staff, theirs);

        var opened = await (await Open(portal, theirInvoice, 1m)).ShouldBe(HttpStatusCode.Created);

        Assert.That(opened.Text("debtorId"), Is.EqualTo(theirs));
        await (await portal.GetAsync($"/api/v1/disputes/{myDispute}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await portal.PostAsync($"/api/v1/disputes/{opened.Text("id")}/withdraw", null)).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Anonymous_Is401()
    {
        await (await Anonymous.GetAsync($"/api/v1/disputes/{myDispute}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
