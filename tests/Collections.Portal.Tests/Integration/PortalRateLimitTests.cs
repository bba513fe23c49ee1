using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

public sealed class PortalRateLimitTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private string debtor = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Portal:SessionExchangesPerMinute"] = "4",
        ["Portal:CallsPerSessionPerMinute"] = "6",
    };

    [OneTimeSetUp]
    public async Task CreateDebtor() => debtor = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor())).Id();

    [Test]
    public async Task SessionCalls_WhenOverTheLimit_Are429ProblemDetailsPerSession()
    {
        using var first = await App.PortalSession(Staff, debtor);
        using var second = await App.PortalSession(Staff, debtor);
        for (var i = 0; i < 6; i++)
        {
            await (await first.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        }

        var refused = await first.GetAsync("/api/v1/me");

        var problem = await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("try again"));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        await (await second.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 10; i++)
        {
            await (await Staff.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Test]
    public async Task SessionExchange_WhenOverTheLimit_Is429EvenForBadTokens()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await Anonymous.ExchangePortalToken("guess-" + i)).StatusCode);
        }

        Assert.That(statuses, Has.Some.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(statuses.Where(s => s != HttpStatusCode.TooManyRequests), Has.All.EqualTo(HttpStatusCode.Unauthorized));
        await (await Anonymous.ExchangePortalToken("guess-last")).ShouldBeProblem(HttpStatusCode.TooManyRequests);
    }
}
