using System.Diagnostics.Metrics;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Collections.Webhooks.Domain;

/// <summary>
/// Delivers due webhooks. Only the oldest pending delivery of each endpoint is ever eligible, so an endpoint receives
/// its events in order; a row is claimed before it is sent, so two instances never send the same delivery.
/// </summary>
internal sealed class WebhookDispatcher(
    IDbConnectionFactory connections, SqlDialect dialect, WebhookSender sender, TimeProvider time, IJobLease lease,
    WebhookOptions options, ILogger<WebhookDispatcher> logger)
{
    public static readonly Meter Meter = new("Collections.Webhooks");
    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>("collections.webhooks.delivered");
    private static readonly Counter<long> AttemptsFailed = Meter.CreateCounter<long>("collections.webhooks.attempts_failed");
    private static readonly Counter<long> DeliveriesFailed = Meter.CreateCounter<long>("collections.webhooks.deliveries_failed");

    private const string DueSql = """
        SELECT d.id AS Id, d.endpoint_id AS EndpointId, d.event_id AS EventId, d.attempts AS Attempts, d.expires_at AS ExpiresAt,
               e.url AS Url, e.secret AS Secret, e.previous_secret AS PreviousSecret,
               e.previous_secret_expires_at AS PreviousSecretExpiresAt, ev.type AS EventType, ev.payload_json AS PayloadJson
          FROM webhooks_deliveries d
          JOIN webhooks_endpoints e ON e.id = d.endpoint_id
          JOIN webhooks_events ev ON ev.id = d.event_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= @Now
           AND (d.claimed_until IS NULL OR d.claimed_until <= @Now)
           AND d.id = (SELECT MIN(h.id) FROM webhooks_deliveries h WHERE h.endpoint_id = d.endpoint_id AND h.status = 'pending')
         ORDER BY d.id
         LIMIT @Take
        """;

    private const string ClaimSql = """
        UPDATE webhooks_deliveries SET claimed_by = @Holder, claimed_until = @Until
         WHERE id = @Id AND status = 'pending' AND (claimed_until IS NULL OR claimed_until <= @Now)
        """;

    private const string RecordSql = """
        UPDATE webhooks_deliveries
           SET status = @Status, attempts = @Attempts, next_attempt_at = @NextAttemptAt, last_status_code = @StatusCode,
               last_error = @Error, last_attempt_at = @Now, delivered_at = @DeliveredAt, claimed_by = NULL, claimed_until = NULL
         WHERE id = @Id AND claimed_by = @Holder
        """;

    /// <summary>Delivers everything due now, endpoint queues in parallel; returns the number of attempts made.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var attempts = 0;
        for (var pass = 0; pass < 100 && !ct.IsCancellationRequested; pass++)
        {
            var due = await DueAsync(50, ct);
            if (due.Count == 0)
            {
                break;
            }

            var made = 0;
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (row, token) =>
            {
                if (await AttemptAsync(row, token))
                {
                    Interlocked.Increment(ref made);
                }
            });
            attempts += made;
            if (made == 0)
            {
                break;
            }
        }

        return attempts;
    }

    public async Task<bool> HasDueAsync(CancellationToken ct) => (await DueAsync(1, ct)).Count > 0;

    private async Task<IReadOnlyList<DueDelivery>> DueAsync(int take, CancellationToken ct)
    {
        await using var connection = connections.Create();
        await connection.OpenAsync(ct);
        var rows = await connection.QueryAsync<DueDelivery>(new CommandDefinition(dialect.Render(DueSql), new { Now = time.GetUtcNow(), Take = take }, cancellationToken: ct));
        return rows.AsList();
    }

    private async Task<bool> AttemptAsync(DueDelivery row, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimFor = (options.AttemptTimeout * (options.QuickRetries + 2)) + TimeSpan.FromMinutes(1);
        if (await ExecuteAsync(ClaimSql, new { row.Id, Holder = lease.InstanceId, Until = now + claimFor, Now = now }, ct) != 1)
        {
            return false;
        }

        var secrets = row.PreviousSecret is not null && row.PreviousSecretExpiresAt > now ? new[] { row.Secret, row.PreviousSecret } : [row.Secret];
        var result = await sender.SendAsync(row.Url, secrets, row.EventId, row.EventType, row.Id, row.PayloadJson, ct);
        var at = time.GetUtcNow();
        var attempts = row.Attempts + 1;
        var next = result.Delivered ? at : RetrySchedule.NextAttempt(attempts, at, row.ExpiresAt, options, Random.Shared.NextDouble());
        var status = result.Delivered ? DeliveryStatuses.Delivered : next is null ? DeliveryStatuses.Failed : DeliveryStatuses.Pending;
        await ExecuteAsync(RecordSql, new
        {
            row.Id,
            Holder = lease.InstanceId,
            Status = status,
            Attempts = attempts,
            NextAttemptAt = next ?? at,
            result.StatusCode,
            result.Error,
            Now = at,
            DeliveredAt = result.Delivered ? at : (DateTimeOffset?)null,
        }, CancellationToken.None);

        if (result.Delivered)
        {
            Delivered.Add(1);
        }
        else
        {
            AttemptsFailed.Add(1);
            if (status == DeliveryStatuses.Failed)
            {
                DeliveriesFailed.Add(1);
                logger.LogWarning("Webhook delivery {DeliveryId} to endpoint {EndpointId} failed for good after {Attempts} attempts: {Error}", row.Id, row.EndpointId, attempts, result.Error);
            }
        }

        return true;
    }

    private async Task<int> ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = connections.Create();
        await connection.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(dialect.Render(sql), args, cancellationToken: ct));
    }

    private sealed record DueDelivery
    {
        public string Id { get; init; } = "";

        public string EndpointId { get; init; } = "";

        public string EventId { get; init; } = "";

        public int Attempts { get; init; }

        public DateTimeOffset ExpiresAt { get; init; }

        public string Url { get; init; } = "";

        public string Secret { get; init; } = "";

        public string? PreviousSecret { get; init; }

        public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

        public string EventType { get; init; } = "";

        public string PayloadJson { get; init; } = "";
    }
}

internal static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
