using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Testing;

/// <summary>
/// A debtor's session, two ways: a stand-in (<see cref="AddTestDebtorSessions"/>, then <see cref="DebtorSession"/>: the
/// bearer "test-debtor:{debtorId}" is that debtor) for tests of what a debtor may do, and a real portal session
/// (<see cref="PortalSession"/>: a staff-made link exchanged the way the portal does) for tests of the portal itself.
/// </summary>
public static class DebtorSessions
{
    public const string Prefix = "test-debtor:";

    /// <summary>Lets the bearer "test-debtor:{debtorId}" stand for a session of that debtor, under the given display name.</summary>
    public static IServiceCollection AddTestDebtorSessions(this IServiceCollection services, string name = "Debtor session") =>
        services.AddScoped<IBearerTokenResolver>(_ => new Resolver(name));

    /// <summary>A client of the debtor's stand-in session (needs <see cref="AddTestDebtorSessions"/>).</summary>
    public static HttpClient DebtorSession(this CollectionsApp app, string debtorId) => app.ClientWithKey(Prefix + debtorId);

    /// <summary>A staff-made portal link (201); returns its URL.</summary>
    public static async Task<string> CreatePortalLink(this HttpClient staff, string debtorId, object? body = null)
    {
        var link = await (await staff.PostAsJsonAsync($"/api/v1/debtors/{debtorId}/portal-links", body ?? new { })).ShouldBe(HttpStatusCode.Created);
        return link.GetProperty("url").GetString()!;
    }

    /// <summary>The token in a portal link's fragment (…/portal/#/login?token=…).</summary>
    public static string PortalTokenOf(string url)
    {
        var fragment = new Uri(url).Fragment;
        var query = fragment[(fragment.IndexOf('?') + 1)..];
        var token = query.Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..];
        return Uri.UnescapeDataString(token);
    }

    /// <summary>Exchanges a link's token for a session, as the portal does.</summary>
    public static Task<HttpResponseMessage> ExchangePortalToken(this HttpClient anonymous, string token) =>
        anonymous.PostAsJsonAsync("/api/v1/portal/sessions", new { token });

    /// <summary>A real portal session: a staff-made link exchanged for a session client of that debtor.</summary>
    public static async Task<HttpClient> PortalSession(this CollectionsApp app, HttpClient staff, string debtorId, object? linkBody = null)
    {
        using var anonymous = app.ClientWithKey(null);
        var session = await (await anonymous.ExchangePortalToken(PortalTokenOf(await staff.CreatePortalLink(debtorId, linkBody)))).ShouldBe(HttpStatusCode.Created);
        return app.ClientWithKey(session.GetProperty("sessionToken").GetString());
    }

    private sealed class Resolver(string name) : IBearerTokenResolver
    {
        public Task<Caller?> ResolveAsync(string token, CancellationToken cancellationToken) =>
            Task.FromResult(token.StartsWith(Prefix, StringComparison.Ordinal)
                ? new Caller("session:" + token[Prefix.Length..], name, Roles.Debtor, token[Prefix.Length..])
                : null);
    }
}
