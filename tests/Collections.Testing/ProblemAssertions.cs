using System.Net;
using System.Text.Json;
using NUnit.Framework;

namespace Collections.Testing;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 ProblemDetails with the status, and returns its JSON for further checks.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.TryGetProperty("title", out _), Is.True, "title");
            Assert.That(problem.TryGetProperty("type", out _), Is.True, "type");
            Assert.That(problem.TryGetProperty("traceId", out _), Is.True, "traceId");
            Assert.That(body, Does.Not.Contain("   at "), "no stack trace");
        });
        return problem;
    }

    public static async Task<JsonElement> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> ShouldBeProblem(this Task<HttpResponseMessage> response, HttpStatusCode status) =>
        await (await response).ShouldBeProblem(status);

    public static async Task<JsonElement> ShouldBe(this Task<HttpResponseMessage> response, HttpStatusCode status) =>
        await (await response).ShouldBe(status);

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var errors)
            ? errors.EnumerateArray().Select(e => e.GetString()!).ToArray()
            : throw new AssertionException($"No errors for '{field}' in {problem}");
}
