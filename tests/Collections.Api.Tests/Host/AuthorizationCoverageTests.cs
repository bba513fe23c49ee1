using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collections.Api.Tests.Host;

/// <summary>Least privilege: every endpoint names who may call it, and the few open to anyone are these.</summary>
public sealed class AuthorizationCoverageTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private static readonly string[] OpenToAnyone =
    [
        "/api/v1/webhooks/stripe",
        "/api/v1/sms/twilio/inbound",
        "/api/v1/sms/twilio/status",
        "/api/v1/portal/sessions",
        "/api/v1/portal/link-requests",
        "/health/live",
        "/health/ready",
        "/insights/{file?}",
    ];

    [Test]
    public void OnlyTheNamedEndpoints_AreOpenToAnyone()
    {
        var open = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText);

        Assert.That(open, Is.EquivalentTo(OpenToAnyone));
    }

    [Test]
    public void EveryOtherEndpoint_RequiresACaller_EvenIfItForgetsToSaySo()
    {
        var fallback = App.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;

        Assert.That(fallback?.Requirements, Has.Some.InstanceOf<Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement>());
        var unnamed = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText);
        Assert.That(unnamed, Is.Empty, "each endpoint names its policy (RequireAuthorization) or is listed above");
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null || e.RoutePattern.RawText!.StartsWith("/health", StringComparison.Ordinal));
}
