using System.Net;
using System.Text;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

public sealed class BadInputTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private static readonly object[] Bodies =
    [
        new object[] { "malformed JSON", "{\"name\": ", HttpStatusCode.BadRequest },
        new object[] { "wrong type", "{\"name\": 5, \"role\": \"erp\"}", HttpStatusCode.BadRequest },
        new object[] { "unknown enum value", "{\"name\": \"x\", \"role\": \"superuser\"}", HttpStatusCode.BadRequest },
        new object[] { "enum as a number", "{\"name\": \"x\", \"role\": 2}", HttpStatusCode.BadRequest },
        new object[] { "array instead of object", "[1, 2]", HttpStatusCode.BadRequest },
        new object[] { "empty body", "", HttpStatusCode.BadRequest },
        new object[] { "null body", "null", HttpStatusCode.BadRequest },
    ];

    [TestCaseSource(nameof(Bodies))]
    public async Task Post_WhenBodyIsBad_Is4xxProblemAndNothingChanges(string why, string body, HttpStatusCode expected)
    {
        var before = await CountKeys();

        var response = await Admin.PostAsync("/api/v1/api-keys", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(expected);
        Assert.That(await CountKeys(), Is.EqualTo(before), why);
    }

    [Test]
    public async Task Post_WhenContentTypeIsNotJson_Is415Problem()
    {
        var response = await Admin.PostAsync("/api/v1/api-keys", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Post_WhenBodyOverLimitWithLength_Is413Problem()
    {
        var before = await CountKeys();
        var huge = "{\"name\": \"" + new string('x', 6 * 1024 * 1024) + "\", \"role\": \"erp\"}";

        var response = await Admin.PostAsync("/api/v1/api-keys", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await CountKeys(), Is.EqualTo(before));
    }

    [Test]
    public async Task Post_WhenChunkedBodyOverLimit_Is413Problem()
    {
        var huge = Encoding.UTF8.GetBytes("{\"name\": \"" + new string('x', 6 * 1024 * 1024) + "\", \"role\": \"erp\"}");
        var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Admin.SendAsync(request);

        await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Get_WhenRouteUnknown_Is404Problem()
    {
        await (await Admin.GetAsync("/api/v1/no-such-thing")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Put_WhenMethodNotAllowed_Is405Problem()
    {
        await (await Admin.PutAsync("/api/v1/api-keys", new StringContent("{}", Encoding.UTF8, "application/json"))).ShouldBeProblem(HttpStatusCode.MethodNotAllowed);
    }

    private async Task<int> CountKeys() => (await (await Admin.GetAsync("/api/v1/api-keys")).ShouldBe(HttpStatusCode.OK)).GetArrayLength();
}
