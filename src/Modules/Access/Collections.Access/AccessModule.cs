using Collections.Access.Features.ApiKeys;
using Collections.Access.Features.Portal;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Access;

/// <summary>
/// Who may call: API keys (create, list, revoke, rotate, the bootstrap admin key) and the debtor portal's links and
/// sessions, each turning a bearer token into a caller, and the caller's own identity (GET /me).
/// </summary>
public static class AccessModule
{
    /// <summary>The portal's static pages' policy: no inline script or style, nothing from another origin, never framed.</summary>
    public const string PortalContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddAccessModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule(typeof(AccessModule).Assembly);
        services.AddScoped<IBearerTokenResolver, ApiKeyResolver>();
        services.AddPortal(configuration);
        return services;
    }

    /// <summary>Its operations keep the tag "Platform" of the published contract (api-spec/openapi.json).</summary>
    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(AccessModule).Assembly, "Platform");

    /// <summary>What in the configuration must stop the start, in any environment: a malformed bootstrap admin key.</summary>
    public static IEnumerable<string> StartupProblems(IConfiguration configuration) => AdminKeyBootstrap.Problems(configuration);

    /// <summary>
    /// After the migrations: the configured bootstrap key becomes an admin key; without one, the first start in
    /// Development with no admin key generates one and prints it once (elsewhere it refuses to start).
    /// </summary>
    public static Task EnsureAdminKeyAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment) =>
        AdminKeyBootstrap.EnsureAdminKeyAsync(services, configuration, environment);

    /// <summary>A new admin key for a process of the host's own (the demo book), returned once like any other key.</summary>
    public static Task<(string Id, string Key)> IssueAdminKeyAsync(IServiceProvider services, string name) =>
        AdminKeyBootstrap.IssueAsync(services, name);

    /// <summary>Where debtors reach the portal (Portal:BaseUrl): this installation's public address.</summary>
    public static string PortalBaseUrl(IConfiguration configuration) =>
        (configuration.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions()).BaseUrl;
}
