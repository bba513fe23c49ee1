namespace Collections.Insights.Features.Alerts;

public sealed record AlertResponse(string Id, string DebtorId, string Type, string Message, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

internal sealed record AlertRow
{
    public const string Columns = """
        id AS Id, debtor_id AS DebtorId, alert_type AS Type, message AS Message, created_at AS CreatedAt,
        acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy
        """;

    public string Id { get; init; } = "";
    public string DebtorId { get; init; } = "";
    public string Type { get; init; } = "";
    public string Message { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }

    public AlertResponse ToResponse() => new(Id, DebtorId, Type, Message, CreatedAt, AcknowledgedAt, AcknowledgedBy);
}
