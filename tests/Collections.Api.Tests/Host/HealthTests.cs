using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

public sealed class HealthTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_WhenDatabaseAnswers_IsHealthyWithoutAuthentication(string path)
    {
        var response = await Anonymous.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Swagger_IsServedWithBearerScheme()
    {
        var document = await (await Anonymous.GetAsync("/swagger/v1/swagger.json")).ShouldBe(HttpStatusCode.OK);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.That(scheme.GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
        Assert.That((await Anonymous.GetAsync("/swagger/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
