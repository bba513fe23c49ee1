using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>Links one by one: each can be revoked on its own, and one a staff member made says so in the record.</summary>
public sealed class PortalLinkTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private string debtor = null!;
    private string otherDebtor = null!;

    [OneTimeSetUp]
    public async Task Debtors()
    {
        debtor = (await Erp.PutDebtor(Unique("deb"))).Id();
        otherDebtor = (await Erp.PutDebtor(Unique("deb"))).Id();
    }

    [Test]
    public async Task RevokeOneLink_KillsThatLinkAndItsSessions_TheDebtorsOtherLinksKeepWorking()
    {
        var first = await (await Staff.PostAsJsonAsync($"/api/v1/debtors/{debtor}/portal-links", new { })).ShouldBe(HttpStatusCode.Created);
        var second = PortalApi.TokenOf(await Staff.CreateLink(debtor));
        var firstToken = PortalApi.TokenOf(first.GetProperty("url").GetString()!);
        var session = await (await Anonymous.Exchange(firstToken)).ShouldBe(HttpStatusCode.Created);
        using var live = App.ClientWithKey(session.GetProperty("sessionToken").GetString());

        var revoked = await (await Staff.PostAsync($"/api/v1/debtors/{debtor}/portal-links/{first.Id()}/revoke", null)).ShouldBe(HttpStatusCode.OK);

        Assert.That(revoked.GetProperty("sessionsEnded").GetInt32(), Is.EqualTo(1));
        var problem = await (await Anonymous.Exchange(firstToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("revoked"));
        await (await live.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await Anonymous.Exchange(second)).ShouldBe(HttpStatusCode.Created);
        var again = await (await Staff.PostAsync($"/api/v1/debtors/{debtor}/portal-links/{first.Id()}/revoke", null)).ShouldBe(HttpStatusCode.OK);
        Assert.That(again.GetProperty("sessionsEnded").GetInt32(), Is.Zero, "revoking twice changes nothing");
        await (await Staff.PostAsync($"/api/v1/debtors/{otherDebtor}/portal-links/{first.Id()}/revoke", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Staff.PostAsync($"/api/v1/debtors/{debtor}/portal-links/not-a-link/revoke", null)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task SessionFromAStaffLink_IsRecordedAsStaffOnBehalfOfTheDebtor()
    {
        var token = PortalApi.TokenOf(await Staff.CreateLink(debtor));

        await (await Anonymous.Exchange(token)).ShouldBe(HttpStatusCode.Created);

        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtor}/activity")).ShouldBe(HttpStatusCode.OK);
        var started = activity.GetProperty("items").EnumerateArray().Last(e => e.GetProperty("type").GetString() == "portal.session_started");
        Assert.That(started.GetProperty("summary").GetString(), Does.StartWith("staff ").And.Contain(" on behalf of ").And.EndWith("opened the payment portal."));
    }
}
