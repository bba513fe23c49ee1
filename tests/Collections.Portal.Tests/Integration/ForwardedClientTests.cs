using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Portal.Tests.Integration;

/// <summary>
/// Behind the reverse proxy every debtor arrives from the proxy's address: the per-address limit on session exchanges
/// must count the real client, which only a configured proxy may name in X-Forwarded-For.
/// </summary>
public sealed class ForwardedClientTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private const string PeerHeader = "X-Test-Peer";
    private const string Proxy = "10.0.0.5";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Portal:SessionExchangesPerMinute"] = "2",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
    };

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, PeerAddressFromHeader>();

    [Test]
    public async Task BehindTheConfiguredProxy_EachClientHasItsOwnLimit()
    {
        Assert.That(await ExchangesFrom(Proxy, "203.0.113.1", 2), Has.None.EqualTo(HttpStatusCode.TooManyRequests));

        Assert.That(await ExchangesFrom(Proxy, "203.0.113.1", 1), Is.EqualTo(new[] { HttpStatusCode.TooManyRequests }), "the same client is over its limit");
        Assert.That(await ExchangesFrom(Proxy, "203.0.113.2", 1), Is.EqualTo(new[] { HttpStatusCode.Unauthorized }), "another client behind the proxy is not");
    }

    [Test]
    public async Task FromAnyoneElse_XForwardedForIsIgnored()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.AddRange(await ExchangesFrom("198.51.100.7", $"192.0.2.{i}", 1));
        }

        Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), "a client cannot pick a fresh address to reset its limit");
    }

    private async Task<List<HttpStatusCode>> ExchangesFrom(string peer, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/portal/sessions") { Content = JsonContent.Create(new { token = "guess-" + Guid.NewGuid() }) };
            request.Headers.Add(PeerHeader, peer);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            statuses.Add((await Anonymous.SendAsync(request)).StatusCode);
        }

        return statuses;
    }

    /// <summary>The test server has no sockets: this sets the address the request arrives from, before anything else runs.</summary>
    private sealed class PeerAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
