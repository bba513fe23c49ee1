using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.Operations.Tests.Integration;

/// <summary>One request as the receiver saw it; EventId is the Standard Webhooks `webhook-id`.</summary>
public sealed record ReceivedWebhook(string Body, IHeaderDictionary Headers, string? EventType, string? EventId, string? DeliveryId, int AnsweredWith)
{
    public string? Signature => Headers["webhook-signature"];
}

/// <summary>A real HTTP server on loopback that records what it receives and answers with a status of the test's choosing.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int calls;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Status to answer for the n-th call (1-based). Default: 200.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    public int Calls => calls;

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Accepted => Received.Where(r => r.AnsweredWith is >= 200 and < 300).ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver.Answer(Interlocked.Increment(ref receiver.calls));
            var headers = new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
            receiver.Received.Enqueue(new ReceivedWebhook(body, headers, http.Request.Headers["Collections-Event-Type"],
                http.Request.Headers["webhook-id"], http.Request.Headers["Collections-Delivery-Id"], status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
