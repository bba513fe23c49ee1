using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Portal;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Portal.Tests.Integration;

public sealed class PortalSessionTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private string debtor = null!;
    private string otherDebtor = null!;

    [OneTimeSetUp]
    public async Task CreateDebtors()
    {
        debtor = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor())).Id();
        otherDebtor = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor("Other AG"))).Id();
    }

    [Test]
    public async Task Exchange_WhenLinkValid_GivesDebtorSessionForEightHours()
    {
        var link = await (await Staff.PostAsJsonAsync($"/api/v1/debtors/{debtor}/portal-links", new { })).ShouldBe(HttpStatusCode.Created);
        Assert.That(link.GetProperty("expiresAt").GetDateTimeOffset(), Is.EqualTo(App.Time.GetUtcNow().AddDays(14)));
        Assert.That(link.GetProperty("url").GetString(), Does.StartWith("http://localhost:5080/portal/#/login?token="));

        var session = await (await Anonymous.ExchangePortalToken(DebtorSessions.PortalTokenOf(link.GetProperty("url").GetString()!))).ShouldBe(HttpStatusCode.Created);

        Assert.That(session.GetProperty("debtorId").GetString(), Is.EqualTo(debtor));
        Assert.That(session.GetProperty("expiresAt").GetDateTimeOffset(), Is.EqualTo(App.Time.GetUtcNow().AddHours(8)));
        using var client = App.ClientWithKey(session.GetProperty("sessionToken").GetString());
        var me = await (await client.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("debtor"));
        Assert.That(me.GetProperty("debtorId").GetString(), Is.EqualTo(debtor));
        Assert.That(me.GetProperty("name").GetString(), Is.EqualTo("Acme GmbH"));
    }

    [Test]
    public async Task Exchange_WhenLinkNamesContact_SessionIsThatContact()
    {
        var contacts = (await (await Staff.GetAsync($"/api/v1/debtors/{debtor}")).ShouldBe(HttpStatusCode.OK)).GetProperty("contacts");
        var bernd = contacts.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Bernd Vogel").Id();

        using var client = await App.PortalSession(Staff, debtor, new { contactId = bernd, expiresInDays = 3 });

        var me = await (await client.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        Assert.That(me.GetProperty("contactId").GetString(), Is.EqualTo(bernd));
        Assert.That(me.GetProperty("name").GetString(), Is.EqualTo("Bernd Vogel"));
    }

    [Test]
    public async Task CreateLink_WhenContactBelongsToAnotherDebtor_Is422()
    {
        var contacts = (await (await Staff.GetAsync($"/api/v1/debtors/{otherDebtor}")).ShouldBe(HttpStatusCode.OK)).GetProperty("contacts");

        var response = await Staff.PostAsJsonAsync($"/api/v1/debtors/{debtor}/portal-links", new { contactId = contacts[0].Id() });

        await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [TestCase(0)]
    [TestCase(91)]
    [TestCase(-1)]
    public async Task CreateLink_WhenLifetimeOutOfRange_Is400(int days)
    {
        var problem = await (await Staff.PostAsJsonAsync($"/api/v1/debtors/{debtor}/portal-links", new { expiresInDays = days })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("expiresInDays"), Is.Not.Empty);
    }

    [Test]
    public async Task CreateLink_WhenDebtorUnknownOrCallerNotStaff_Is404Or403()
    {
        await (await Staff.PostAsJsonAsync("/api/v1/debtors/deb_unknown/portal-links", new { })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Erp.PostAsJsonAsync($"/api/v1/debtors/{debtor}/portal-links", new { })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Anonymous.PostAsJsonAsync($"/api/v1/debtors/{debtor}/portal-links", new { })).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Exchange_WhenTokenTampered_Is401Invalid()
    {
        var token = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(debtor));
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        foreach (var bad in new[] { tampered, token[..^2], "not-a-token", new string('x', 300) })
        {
            var problem = await (await Anonymous.ExchangePortalToken(bad)).ShouldBeProblem(HttpStatusCode.Unauthorized);
            Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("invalid"), bad);
        }
    }

    [Test]
    public async Task Exchange_WhenTokenMissing_Is400()
    {
        await (await Anonymous.ExchangePortalToken("")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Anonymous.PostAsync("/api/v1/portal/sessions", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Exchange_WhenLinkExpired_Is401Expired()
    {
        var token = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(debtor, new { expiresInDays = 1 }));
        App.Time.Advance(TimeSpan.FromDays(1));

        var problem = await (await Anonymous.ExchangePortalToken(token)).ShouldBeProblem(HttpStatusCode.Unauthorized);

        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("expired"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("new link"));
    }

    [Test]
    public async Task Exchange_WhenOneSecondBeforeExpiry_Works()
    {
        var token = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(debtor, new { expiresInDays = 1 }));
        App.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));

        await (await Anonymous.ExchangePortalToken(token)).ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Session_WhenEightHoursPass_Is401()
    {
        using var client = await App.PortalSession(Staff, debtor);
        App.Time.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1));
        await (await client.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);

        App.Time.Advance(TimeSpan.FromSeconds(1));

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Revoke_KillsEarlierLinksAndSessionsOfThatDebtorOnly()
    {
        var oldToken = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(debtor));
        using var live = await App.PortalSession(Staff, debtor);
        using var otherLive = await App.PortalSession(Staff, otherDebtor);
        var otherToken = DebtorSessions.PortalTokenOf(await Staff.CreatePortalLink(otherDebtor));
        App.Time.Advance(TimeSpan.FromSeconds(1));

        var revoked = await (await Staff.PostAsync($"/api/v1/debtors/{debtor}/portal-links/revoke", null)).ShouldBe(HttpStatusCode.OK);

        Assert.That(revoked.GetProperty("sessionsEnded").GetInt32(), Is.GreaterThanOrEqualTo(1));
        var problem = await (await Anonymous.ExchangePortalToken(oldToken)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.That(problem.GetProperty("reason").GetString(), Is.EqualTo("revoked"));
        await (await live.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await otherLive.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        await (await Anonymous.ExchangePortalToken(otherToken)).ShouldBe(HttpStatusCode.Created);

        App.Time.Advance(TimeSpan.FromSeconds(1));
        using var fresh = await App.PortalSession(Staff, debtor);
        await (await fresh.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Revoke_WhenCallerIsDebtorSessionOrErp_Is403()
    {
        using var session = await App.PortalSession(Staff, debtor);

        await (await session.PostAsync($"/api/v1/debtors/{debtor}/portal-links/revoke", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Erp.PostAsync($"/api/v1/debtors/{debtor}/portal-links/revoke", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Staff.PostAsync("/api/v1/debtors/deb_nope/portal-links/revoke", null)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task EndSession_WhenDeleted_TokenIsRefused()
    {
        using var client = await App.PortalSession(Staff, debtor);

        await (await client.DeleteAsync("/api/v1/portal/sessions")).ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await client.GetAsync($"/api/v1/debtors/{debtor}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task EndSession_WhenCallerIsApiKey_Is403()
    {
        await (await Staff.DeleteAsync("/api/v1/portal/sessions")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task SessionToken_WhenForged_Is401()
    {
        using var client = App.ClientWithKey("ps_" + new string('A', 43));

        await (await client.GetAsync("/api/v1/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task PortalLinksService_CreateLink_StaysUsableByOtherModules()
    {
        var links = App.Services.GetRequiredService<IPortalLinks>();

        var url = links.CreateLink(debtor, null, "msg_123").ToString();

        Assert.That(links.ReadToken(DebtorSessions.PortalTokenOf(url)), Is.EqualTo(debtor));
        await (await Anonymous.ExchangePortalToken(DebtorSessions.PortalTokenOf(url))).ShouldBe(HttpStatusCode.Created);
        Assert.That(links.ReadToken("garbage"), Is.Null);
    }

    [Test]
    public async Task Me_WhenApiKey_TellsRole()
    {
        var me = await (await Erp.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);

        Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("erp"));
        Assert.That(me.GetProperty("debtorId").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }
}
