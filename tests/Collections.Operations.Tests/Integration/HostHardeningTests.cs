using Collections.Api.Hosting;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Operations.Tests.Integration;

public sealed class HostHardeningTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private const string PortalOrigin = "https://pay.example.com";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:DispatcherEnabled"] = "false",
        ["Cors:AllowedOrigins:0"] = PortalOrigin,
    };

    [Test]
    public async Task AnyResponse_CarriesSecurityHeadersAndNoServerBanner()
    {
        var response = await Admin.GetAsync("/api/v1/webhook-endpoints");
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            Assert.That(response.Headers.Contains("Server"), Is.False);
            Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.False, "JSON needs no CSP");
        });
    }

    [Test]
    public async Task StaticPage_CarriesAStrictContentSecurityPolicy()
    {
        var response = await Anonymous.GetAsync("/portal/index.html");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.Contain("default-src 'self'").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-eval"));
    }

    [Test]
    public async Task Preflight_FromTheConfiguredPortalOrigin_IsAllowedAndOthersAreNot()
    {
        using var allowed = Preflight(PortalOrigin);
        var ok = await Anonymous.SendAsync(allowed);
        Assert.That(ok.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { PortalOrigin }));

        using var other = Preflight("https://evil.example.com");
        var refused = await Anonymous.SendAsync(other);
        Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [TestCase(5)]
    [TestCase(6)]
    public async Task BusyDatabase_BecomesA503ThatSaysToRetry(int sqliteCode)
    {
        var (status, body, retryAfter) = await Handle(new SqliteException("database is locked", sqliteCode));
        Assert.That(status, Is.EqualTo(StatusCodes.Status503ServiceUnavailable));
        Assert.That(body, Does.Contain("Retry").And.Contain("traceId").And.Not.Contain("locked"));
        Assert.That(retryAfter, Is.EqualTo("1"));
    }

    [Test]
    public async Task UniqueViolation_BecomesA409ThatSaysToRetry()
    {
        var (status, body, _) = await Handle(new SqliteException("UNIQUE constraint failed", 19, 2067));
        Assert.That(status, Is.EqualTo(StatusCodes.Status409Conflict));
        Assert.That(body, Does.Contain("Retry"));
    }

    [Test]
    public async Task NotNullViolation_IsADefectNotARetry()
    {
        var (status, _, retryAfter) = await Handle(new SqliteException("NOT NULL constraint failed: t.c", 19, 1299));
        Assert.That(status, Is.EqualTo(StatusCodes.Status500InternalServerError));
        Assert.That(retryAfter, Is.Null);
    }

    [Test]
    public async Task OtherDatabaseError_StaysA500WithoutDetail()
    {
        var (status, body, _) = await Handle(new SqliteException("no such table: secret_stuff", 1));
        Assert.That(status, Is.EqualTo(StatusCodes.Status500InternalServerError));
        Assert.That(body, Does.Not.Contain("secret_stuff"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/debtors");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }

    private async Task<(int Status, string Body, string? RetryAfter)> Handle(Exception exception)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var handler = ActivatorUtilities.CreateInstance<ProblemExceptionHandler>(scope.ServiceProvider);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = "/api/v1/test";
        context.Response.Body = new MemoryStream();
        Assert.That(await handler.TryHandleAsync(context, exception, CancellationToken.None), Is.True);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, body, context.Response.Headers.RetryAfter.FirstOrDefault());
    }
}
