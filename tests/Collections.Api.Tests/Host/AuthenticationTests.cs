using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

public sealed class AuthenticationTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Request_WhenNoBearerToken_Is401ProblemDetails()
    {
        var response = await Anonymous.GetAsync("/api/v1/api-keys");

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("Bearer"));
    }

    [TestCase("ck_not-a-key")]
    [TestCase("something-else")]
    [TestCase("")]
    public async Task Request_WhenTokenUnknown_Is401(string token)
    {
        using var client = App.ClientWithKey(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {token}");

        var response = await client.GetAsync("/api/v1/api-keys");

        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AdminEndpoint_WhenRoleIsErpOrStaff_Is403ProblemDetails()
    {
        await (await Erp.GetAsync("/api/v1/api-keys")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Staff.GetAsync("/api/v1/api-keys")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Staff.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "admin" })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task AdminEndpoint_WhenRoleIsAdmin_Succeeds()
    {
        var response = await Admin.GetAsync("/api/v1/api-keys");

        await response.ShouldBe(HttpStatusCode.OK);
    }
}
