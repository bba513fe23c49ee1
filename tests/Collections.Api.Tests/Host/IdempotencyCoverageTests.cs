using Collections.SharedKernel.Data;
using Collections.SharedKernel.Web;
using Collections.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Api.Tests.Host;

/// <summary>Every POST of the API either requires an Idempotency-Key, accepts one, or says why it takes none.</summary>
public sealed class IdempotencyCoverageTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public void EveryPost_RequiresAcceptsOrExplainsWhyNot()
    {
        var posts = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToList();

        var silent = posts
            .Where(e => e.Metadata.GetMetadata<IdempotencyKeyRequired>() is null
                        && e.Metadata.GetMetadata<IdempotencyKeyAccepted>() is null
                        && string.IsNullOrWhiteSpace(e.Metadata.GetMetadata<IdempotencyKeyNotTaken>()?.Reason))
            .Select(e => e.RoutePattern.RawText);

        Assert.That(posts, Has.Count.GreaterThan(30));
        Assert.That(silent, Is.Empty, "add RequiresIdempotencyKey(), AcceptsIdempotencyKey() or WithoutIdempotencyKey(reason)");
    }
}
