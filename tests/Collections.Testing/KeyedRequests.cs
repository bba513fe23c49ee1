using System.Net.Http.Json;

namespace Collections.Testing;

public static class KeyedRequests
{
    /// <summary>A POST with an Idempotency-Key (a new one unless given), as every money-moving or creating request needs.</summary>
    public static async Task<HttpResponseMessage> PostKeyed(this HttpClient client, string url, object? body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }
}
