using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;

namespace Collections.Webhooks.Domain;

internal sealed record EndpointRow
{
    public const string Columns = "id AS Id, url AS Url, description AS Description, events AS Events, secret AS Secret, status AS Status, created_at AS CreatedAt";

    public string Id { get; init; } = "";

    public string Url { get; init; } = "";

    public string? Description { get; init; }

    public string Events { get; init; } = "";

    public string Secret { get; init; } = "";

    public string Status { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public WebhookEndpointResponse ToResponse() =>
        new(Id, Url, Description, Events.Split(',', StringSplitOptions.RemoveEmptyEntries), Status, CreatedAt);
}

public sealed record WebhookEndpointResponse(string Id, string Url, string? Description, IReadOnlyList<string> Events, string Status, DateTimeOffset CreatedAt);

internal sealed class EndpointReader(DbSession db)
{
    private const string FindSql = "SELECT " + EndpointRow.Columns + " FROM webhooks_endpoints WHERE id = @Id AND status = 'active'";

    public async Task<EndpointRow> GetActiveAsync(string id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<EndpointRow>(FindSql, new { Id = id }, ct) ?? throw new NotFoundException("Webhook endpoint", id);
}
