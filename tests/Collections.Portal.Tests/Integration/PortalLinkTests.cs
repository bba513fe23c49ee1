using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>
/// Links one by one: each can be revoked on its own, one a staff member made says so in the record, and an expired one
/// can ask for a fresh link to the address on file.
/// </summary>
public sealed class PortalLinkTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly string outbox = Path.Combine(Path.GetTempPath(), "collections-portal-links", Guid.NewGuid().ToString("N"));
    private string debtor = null!;
    private string otherDebtor = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dunning:OutboxDirectory"] = outbox };

    [OneTimeSetUp]
    public async Task Debtors()
    {
        debtor = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor())).Id();
        otherDebtor = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor())).Id();
    }

    [Test]
    public async Task RevokeOneLink_KillsThatLinkAndItsSessions_TheDebtorsOtherLinksKeepWorking()
    {
        var first = await (await Staff.PostAsJsonAsync($"/api/v1/debtors/{debtor}/portal-links", new { })).ShouldBe(HttpStatusCode.Created);
        var second = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(debtor));
        var firstToken = DebtorSessions.PortalTokenOf(first.GetProperty("url").GetString()!);
        var session = await (await Anonymous.ExchangePortalToken(firstToken)).ShouldBe(HttpStatusCode.Created);
        using var live = App.ClientWithKey(session.GetProperty("sessionToken").GetString());

        var revoked = await (await Staff.PostAsync($"/api/v1/debtors/{debtor}/portal-links/{first.Id()}/revoke", null)).ShouldBe(HttpStatusCode.OK);

        Assert.That(revoked.GetProperty("sessionsEnded").GetInt32(), Is.EqualTo(1));
        var problem = await (await Anonymous.ExchangePortalToken(firstToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("revoked"));
        await (await live.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await Anonymous.ExchangePortalToken(second)).ShouldBe(HttpStatusCode.Created);
        var again = await (await Staff.PostAsync($"/api/v1/debtors/{debtor}/portal-links/{first.Id()}/revoke", null)).ShouldBe(HttpStatusCode.OK);
        Assert.That(again.GetProperty("sessionsEnded").GetInt32(), Is.Zero, "revoking twice changes nothing");
        await (await Staff.PostAsync($"/api/v1/debtors/{otherDebtor}/portal-links/{first.Id()}/revoke", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Staff.PostAsync($"/api/v1/debtors/{debtor}/portal-links/not-a-link/revoke", null)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task SessionFromAStaffLink_IsRecordedAsStaffOnBehalfOfTheDebtor()
    {
        var own = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor())).Id();
        var token = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(own));

        await (await Anonymous.ExchangePortalToken(token)).ShouldBe(HttpStatusCode.Created);

        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{own}/activity")).ShouldBe(HttpStatusCode.OK);
        var started = activity.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "portal.session_started");
        Assert.That(started.GetProperty("summary").GetString(), Does.StartWith("staff ").And.Contain(" on behalf of ").And.EndWith("opened the payment portal."));
    }

    [Test]
    public async Task ExpiredLink_AsksForAFreshOne_WhichGoesOnceToTheLinksContactAndOpensThePortal()
    {
        var contactId = (await (await Erp.GetAsync($"/api/v1/debtors/{debtor}")).ShouldBe(HttpStatusCode.OK))
            .GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("email").GetString() == "bernd@acme.example").Id();
        var expired = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(debtor, new { contactId, expiresInDays = 1 }));
        App.Time.Advance(TimeSpan.FromDays(2));

        var first = await (await Anonymous.PostAsJsonAsync("/api/v1/portal/link-requests", new { token = expired })).ShouldBe(HttpStatusCode.Accepted);
        await (await Anonymous.PostAsJsonAsync("/api/v1/portal/link-requests", new { token = expired })).ShouldBe(HttpStatusCode.Accepted);

        var links = await LinkMessages(debtor);
        Assert.That(links.Select(m => m.GetProperty("toAddress").GetString()), Is.EqualTo(new[] { "bernd@acme.example" }), "one message, to the link's contact");
        await (await Staff.PostAsync("/api/v1/dunning/outbox/dispatch", null)).ShouldBe(HttpStatusCode.OK);
        var sent = MimeKit.MimeMessage.Load(Path.Combine(outbox, links[0].Id() + ".eml")).TextBody!;
        var token = Uri.UnescapeDataString(sent[(sent.IndexOf("token=", StringComparison.Ordinal) + 6)..].Split('&', ' ', '\r', '\n')[0]);
        var session = await (await Anonymous.ExchangePortalToken(token)).ShouldBe(HttpStatusCode.Created);
        Assert.That(session.GetProperty("debtorId").GetString(), Is.EqualTo(debtor));
        Assert.That(first.GetProperty("message").GetString(), Is.EqualTo(RequestAnswer));
    }

    [Test]
    public async Task LinkRequest_AnswersTheSame_WhetherOrNotAnythingWasSent()
    {
        var expired = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(otherDebtor, new { expiresInDays = 1 }));
        App.Time.Advance(TimeSpan.FromDays(2));
        var before = (await LinkMessages(otherDebtor)).Count;

        var unknownAddress = await Anonymous.PostAsJsonAsync("/api/v1/portal/link-requests", new { token = expired, email = "someone@else.example" });
        var forged = await Anonymous.PostAsJsonAsync("/api/v1/portal/link-requests", new { token = "not-a-link" });
        var onFile = await Anonymous.PostAsJsonAsync("/api/v1/portal/link-requests", new { token = expired, email = "ANNA@acme.example" });

        foreach (var answer in new[] { unknownAddress, forged, onFile })
        {
            Assert.That((await answer.ShouldBe(HttpStatusCode.Accepted)).GetProperty("message").GetString(), Is.EqualTo(RequestAnswer));
        }

        var after = await LinkMessages(otherDebtor);
        Assert.That(after, Has.Count.EqualTo(before + 1), "only the address on file got a link");
        Assert.That(after[^1].GetProperty("toAddress").GetString(), Is.EqualTo("anna@acme.example"));
        await (await Anonymous.PostAsJsonAsync("/api/v1/portal/link-requests", new { token = expired, email = "not an address" })).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    private const string RequestAnswer = "If this link was ours, a new one is on its way to the e-mail address we have on file. It can take a few minutes to arrive.";

    private async Task<List<System.Text.Json.JsonElement>> LinkMessages(string debtorId) =>
        (await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/communications")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().Where(m => m.GetProperty("purpose").GetString() == "portal_link").ToList();
}
