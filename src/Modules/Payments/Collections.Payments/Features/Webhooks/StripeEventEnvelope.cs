using System.Text.Json;

namespace Collections.Payments.Features.Webhooks;

/// <summary>
/// The few fields we need from a Stripe event, read by name: an event of any API version parses, so a version
/// change at Stripe never turns into a rejected (and endlessly retried) webhook.
/// </summary>
/// <param name="Json">The event as Stripe sent it, kept while the event is parked.</param>
internal sealed record StripeEventEnvelope(string Id, string Type, string? ApiVersion, JsonElement Object, DateTimeOffset? Created, string Json)
{
    public static StripeEventEnvelope? TryParse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { } id || Text(root, "type") is not { } type
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var created = root.TryGetProperty("created", out var at) && at.ValueKind == JsonValueKind.Number && at.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
            return new StripeEventEnvelope(id, type, Text(root, "api_version"), obj.Clone(), created, json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? Field(string name) => Text(Object, name);

    /// <summary>An id field that may come as a string or, when expanded, as an object with an id.</summary>
    public string? Reference(string name) =>
        Object.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? Text(value, "id") : Field(name);

    public string? Metadata(string key) =>
        Object.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? Text(metadata, key) : null;

    public long? Amount(string name) =>
        Object.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var amount) ? amount : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
