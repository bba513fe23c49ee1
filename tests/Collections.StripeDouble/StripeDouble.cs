using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.StripeDouble;

/// <summary>
/// A local stand-in for the parts of Stripe that Collections calls: Checkout Sessions (create, retrieve, list, expire),
/// Refunds, a hosted payment page, and signed webhooks. Point Stripe.net at <see cref="ApiBase"/>.
/// </summary>
public sealed partial class StripeDouble : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> charges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> refunds = new(StringComparer.Ordinal);
    private int lostResponses;
    private int droppedRequests;
    private readonly ConcurrentQueue<ApiRequest> requests = new();
    private readonly Dictionary<string, (string Hash, int Status, string Body)> idempotency = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DeliveredEvent> deliveries = new();
    private readonly Dictionary<string, string> events = new(StringComparer.Ordinal);
    private readonly List<Task> background = [];
    private readonly HttpClient defaultClient = new();
    private long sequence;

    private StripeDouble(StripeDoubleOptions options)
    {
        Options = options;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        MapApi(app);
        MapPayPage(app);
    }

    public StripeDoubleOptions Options { get; }

    /// <summary>http://127.0.0.1:port — the value for Stripe:ApiBase.</summary>
    public string ApiBase { get; private set; } = string.Empty;

    public IReadOnlyList<DeliveredEvent> Deliveries => deliveries.ToList();

    /// <summary>Every API request the double received, in order, whether carried out, replayed, refused or dropped.</summary>
    public IReadOnlyList<ApiRequest> Requests => requests.ToList();

    public static async Task<StripeDouble> StartAsync(StripeDoubleOptions? options = null)
    {
        var stripe = new StripeDouble(options ?? new StripeDoubleOptions());
        await stripe.app.StartAsync();
        stripe.ApiBase = stripe.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return stripe;
    }

    /// <summary>
    /// A copy of a checkout session as Stripe would return it, or null. Its "locale" is the one the session was created
    /// with (null when none was sent); a locale Stripe does not know is refused with 400, as Stripe does.
    /// </summary>
    public JsonObject? Session(string sessionId)
    {
        lock (gate)
        {
            return sessions.TryGetValue(sessionId, out var session) ? (JsonObject)session.DeepClone() : null;
        }
    }

    /// <summary>The hosted page's Pay button: card payments complete paid, bank debits complete unpaid (settled later).</summary>
    public Task<DeliveredEvent> CompleteAsync(string sessionId, bool bankDebit = false)
    {
        JsonObject snapshot;
        lock (gate)
        {
            var session = Require(sessionId);
            if ((string?)session["status"] != "open")
            {
                throw new InvalidOperationException($"Session {sessionId} is {(string?)session["status"]}.");
            }

            var intent = NewId("pi");
            session["status"] = "complete";
            session["payment_status"] = bankDebit ? "unpaid" : "paid";
            session["payment_intent"] = intent;
            charges[intent] = new JsonObject
            {
                ["id"] = NewId("ch"),
                ["object"] = "charge",
                ["amount"] = (long)session["amount_total"]!,
                ["amount_refunded"] = 0L,
                ["currency"] = (string?)session["currency"],
                ["payment_intent"] = intent,
                ["paid"] = !bankDebit,
                ["refunded"] = false,
                ["status"] = bankDebit ? "pending" : "succeeded",
                ["metadata"] = session["metadata"]!.DeepClone(),
            };
            snapshot = (JsonObject)session.DeepClone();
        }

        return DeliverAsync("checkout.session.completed", snapshot);
    }

    public Task<DeliveredEvent> SucceedAsyncPaymentAsync(string sessionId) => SettleAsyncPayment(sessionId, true);

    public Task<DeliveredEvent> FailAsyncPaymentAsync(string sessionId) => SettleAsyncPayment(sessionId, false);

    /// <summary>Expires an open session and delivers checkout.session.expired, like the API's expire call.</summary>
    public Task<DeliveredEvent> ExpireAsync(string sessionId)
    {
        JsonObject snapshot;
        lock (gate)
        {
            var session = Require(sessionId);
            if ((string?)session["status"] != "open")
            {
                throw new InvalidOperationException($"Only an open session can expire; {sessionId} is {(string?)session["status"]}.");
            }

            session["status"] = "expired";
            snapshot = (JsonObject)session.DeepClone();
        }

        return DeliverAsync("checkout.session.expired", snapshot);
    }

    /// <summary>The payer's bank disputes the payment of a completed session (charge.dispute.created).</summary>
    public Task<DeliveredEvent> DisputeAsync(string sessionId, string reason = "fraudulent")
    {
        JsonObject dispute;
        lock (gate)
        {
            var charge = charges[(string)Require(sessionId)["payment_intent"]!];
            dispute = new JsonObject
            {
                ["id"] = NewId("dp"),
                ["object"] = "dispute",
                ["amount"] = (long)charge["amount"]!,
                ["currency"] = (string?)charge["currency"],
                ["charge"] = (string?)charge["id"],
                ["payment_intent"] = (string?)charge["payment_intent"],
                ["reason"] = reason,
                ["status"] = "needs_response",
            };
        }

        return DeliverAsync("charge.dispute.created", dispute);
    }

    /// <summary>
    /// Carries out the next <paramref name="count"/> API requests (replays included) but drops the connection instead of
    /// answering, as a timeout or a network failure after Stripe acted would.
    /// </summary>
    public void LoseResponses(int count) => Interlocked.Exchange(ref lostResponses, count);

    /// <summary>
    /// Drops the next <paramref name="count"/> API requests before they reach Stripe: nothing is carried out and the caller
    /// hears nothing back, as a network failure on the way (or a crash before the call) would leave it.
    /// </summary>
    public void DropRequests(int count) => Interlocked.Exchange(ref droppedRequests, count);

    /// <summary>
    /// Someone refunds part of a completed session's charge in Stripe's dashboard: a refund without our metadata. Delivers
    /// refund.created and charge.refunded (with the refunds list), as Stripe does, and returns the refund.
    /// </summary>
    public async Task<JsonObject> RefundInDashboardAsync(string sessionId, long amount)
    {
        JsonObject refund;
        List<(string, JsonObject)> events;
        lock (gate)
        {
            var charge = charges[(string)Require(sessionId)["payment_intent"]!];
            if (amount < 1 || amount > (long)charge["amount"]! - (long)charge["amount_refunded"]!)
            {
                throw new InvalidOperationException($"Refund amount ({amount}) is greater than unrefunded amount on charge.");
            }

            refund = Refund(charge, amount, null, "requested_by_customer");
            events = RefundEvents(charge, refund);
        }

        await DeliverAllAsync(events);
        return (JsonObject)refund.DeepClone();
    }

    /// <summary>A pending refund (<see cref="StripeDoubleOptions.RefundsStartPending"/>) ends: succeeded, or failed and given back to the charge. Delivers refund.updated.</summary>
    public Task<DeliveredEvent> SettleRefundAsync(string refundId, bool succeeded)
    {
        JsonObject snapshot;
        lock (gate)
        {
            var refund = refunds[refundId];
            if ((string?)refund["status"] != "pending")
            {
                throw new InvalidOperationException($"Refund {refundId} is {(string?)refund["status"]}.");
            }

            refund["status"] = succeeded ? "succeeded" : "failed";
            if (!succeeded)
            {
                refund["failure_reason"] = "declined";
                var charge = charges[(string)refund["payment_intent"]!];
                charge["amount_refunded"] = (long)charge["amount_refunded"]! - (long)refund["amount"]!;
                charge["refunded"] = false;
            }

            snapshot = (JsonObject)refund.DeepClone();
        }

        return DeliverAsync("refund.updated", snapshot);
    }

    /// <summary>The refunds made so far, as Stripe keeps them.</summary>
    public IReadOnlyList<JsonObject> Refunds
    {
        get
        {
            lock (gate)
            {
                return refunds.Values.Select(r => (JsonObject)r.DeepClone()).ToList();
            }
        }
    }

    /// <summary>Builds, signs and delivers an event with any object and api_version (for version-drift tests).</summary>
    public Task<DeliveredEvent> SendEventAsync(string type, JsonObject dataObject, string? apiVersion = null) => DeliverAsync(type, dataObject, apiVersion);

    /// <summary>Delivers an earlier event again, byte for byte, with a fresh signature (Stripe's retries).</summary>
    public Task<DeliveredEvent> RedeliverAsync(string eventId)
    {
        string payload;
        lock (gate)
        {
            payload = events[eventId];
        }

        return PostAsync(eventId, (string)JsonNode.Parse(payload)!["type"]!, payload);
    }

    /// <summary>The Stripe-Signature header for a payload: `t={unix},v1={hex HMAC-SHA256(secret, "{t}.{payload}")}`.</summary>
    public string Sign(string payload, DateTimeOffset? at = null, string? secret = null)
    {
        var timestamp = (at ?? Options.Clock()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? Options.WebhookSecret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Waits for webhooks the API sends in the background (after refunds and expiries).</summary>
    public async Task WhenIdleAsync()
    {
        Task[] pending;
        lock (gate)
        {
            pending = [.. background];
        }

        await Task.WhenAll(pending);
    }

    public async ValueTask DisposeAsync()
    {
        await WhenIdleAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        defaultClient.Dispose();
    }

    private Task<DeliveredEvent> SettleAsyncPayment(string sessionId, bool succeeded)
    {
        JsonObject snapshot;
        lock (gate)
        {
            var session = Require(sessionId);
            if ((string?)session["payment_status"] != "unpaid" || (string?)session["status"] != "complete")
            {
                throw new InvalidOperationException($"Session {sessionId} has no bank debit under way.");
            }

            session["payment_status"] = succeeded ? "paid" : "unpaid";
            var charge = charges[(string)session["payment_intent"]!];
            charge["paid"] = succeeded;
            charge["status"] = succeeded ? "succeeded" : "failed";
            snapshot = (JsonObject)session.DeepClone();
        }

        return DeliverAsync(succeeded ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", snapshot);
    }

    private Task<DeliveredEvent> DeliverAsync(string type, JsonObject dataObject, string? apiVersion = null)
    {
        var id = NewId("evt");
        var payload = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = apiVersion ?? Options.ApiVersion,
            ["created"] = Options.Clock().ToUnixTimeSeconds(),
            ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        }.ToJsonString();
        lock (gate)
        {
            events[id] = payload;
        }

        return PostAsync(id, type, payload);
    }

    private async Task<DeliveredEvent> PostAsync(string eventId, string type, string payload)
    {
        if (Options.WebhookUrl is null)
        {
            var skipped = new DeliveredEvent(eventId, type, payload, 0, "no webhook URL configured");
            deliveries.Enqueue(skipped);
            return skipped;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Options.WebhookUrl) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", Sign(payload));
        request.Headers.UserAgent.ParseAdd("Stripe/1.0");
        DeliveredEvent delivered;
        try
        {
            using var response = await (Options.WebhookClient ?? defaultClient).SendAsync(request);
            delivered = new DeliveredEvent(eventId, type, payload, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException exception)
        {
            delivered = new DeliveredEvent(eventId, type, payload, 0, exception.Message);
        }

        deliveries.Enqueue(delivered);
        return delivered;
    }

    private void InBackground(Func<Task> work)
    {
        lock (gate)
        {
            background.Add(Task.Run(work));
        }
    }

    private JsonObject Require(string sessionId) =>
        sessions.TryGetValue(sessionId, out var session) ? session : throw new KeyNotFoundException($"No such checkout session: {sessionId}");

    private string NewId(string prefix) => $"{prefix}_test_{Interlocked.Increment(ref sequence):D6}{Guid.NewGuid():N}"[..(prefix.Length + 30)];

    private static IResult StripeError(HttpStatusCode status, string type, string message, string? param = null) =>
        Results.Json(new { error = new { type, message, param } }, statusCode: (int)status);
}
