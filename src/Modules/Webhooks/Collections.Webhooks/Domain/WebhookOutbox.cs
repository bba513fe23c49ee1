using System.Text.Json;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.Webhooks.Contracts;

namespace Collections.Webhooks.Domain;

internal static class WebhookJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>What every delivery's body is: the event's id (also the `webhook-id` header), its type, when it happened, and its data.</summary>
internal sealed record WebhookEventEnvelope<TData>(string Id, string Type, DateTimeOffset CreatedAt, TData Data);

/// <summary>
/// Writes an event and one delivery per subscribed endpoint in the caller's transaction, so the ERP hears of a change
/// exactly when it commits. The body is fixed here: every attempt and every redelivery sends the same bytes.
/// </summary>
internal sealed class WebhookOutbox(DbSession db, TimeProvider time, WebhookOptions options)
{
    private const string ActiveEndpointsSql = "SELECT id AS Id, events AS Events FROM webhooks_endpoints WHERE status = 'active'";

    private const string InsertEventSql = """
        INSERT INTO webhooks_events (id, type, payload_json, created_at) VALUES (@Id, @Type, @PayloadJson, @CreatedAt)
        """;

    public const string InsertDeliverySql = """
        INSERT INTO webhooks_deliveries (id, endpoint_id, event_id, status, attempts, next_attempt_at, expires_at, redelivery_of, created_at)
        VALUES (@Id, @EndpointId, @EventId, 'pending', 0, @Now, @ExpiresAt, @RedeliveryOf, @Now)
        """;

    public async Task<string?> EnqueueAsync(string type, object data, CancellationToken ct, string? onlyEndpointId = null)
    {
        var endpoints = await db.QueryAsync<SubscriptionRow>(ActiveEndpointsSql, ct: ct);
        var targets = endpoints
            .Where(e => onlyEndpointId is null ? Subscribes(e.Events, type) : e.Id == onlyEndpointId)
            .Select(e => e.Id)
            .ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var eventId = Ids.New("evt", time);
        var payload = JsonSerializer.Serialize(new WebhookEventEnvelope<object>(eventId, type, now, data), WebhookJson.Options);
        return await db.InTransactionAsync(async () =>
        {
            await db.ExecuteAsync(InsertEventSql, new { Id = eventId, Type = type, PayloadJson = payload, CreatedAt = now }, ct);
            foreach (var endpointId in targets)
            {
                await InsertDeliveryAsync(endpointId, eventId, null, ct);
            }

            return eventId;
        }, ct);
    }

    public async Task<string> InsertDeliveryAsync(string endpointId, string eventId, string? redeliveryOf, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Ids.New("whd", time);
        await db.ExecuteAsync(InsertDeliverySql, new { Id = id, EndpointId = endpointId, EventId = eventId, Now = now, ExpiresAt = now + options.RetryWindow, RedeliveryOf = redeliveryOf }, ct);
        return id;
    }

    public Task<string> DeliveryOfAsync(string eventId, string endpointId, CancellationToken ct) =>
        db.ExecuteScalarAsync<string>(
            "SELECT MIN(id) FROM webhooks_deliveries WHERE event_id = @EventId AND endpoint_id = @EndpointId",
            new { EventId = eventId, EndpointId = endpointId }, ct);

    public static bool Subscribes(string events, string type) =>
        events.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(e => e == WebhookEventTypes.All || e == type);

    private sealed record SubscriptionRow
    {
        public string Id { get; init; } = "";

        public string Events { get; init; } = "";
    }
}
