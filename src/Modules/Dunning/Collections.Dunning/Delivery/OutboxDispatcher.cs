using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;
using Microsoft.Extensions.Logging;

namespace Collections.Dunning.Delivery;

/// <summary>
/// Drains the outbox: claims each due e-mail with a lease (so two dispatchers never send the same one), sends it,
/// and on failure retries with exponential back-off until MaxAttempts, then marks it failed with the error.
/// </summary>
internal sealed class OutboxDispatcher(DbSession db, IEmailSender sender, DunningOptions options, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const string DueSql = """
        SELECT id AS Id, to_name AS ToName, to_address AS ToAddress, subject AS Subject, body_html AS Html, body_text AS Text, attempts AS Attempts
        FROM dunning_messages
        WHERE status = 'queued' AND channel = 'email' AND next_attempt_at <= @Now AND not_before <= @Now
        ORDER BY next_attempt_at, id
        LIMIT @Limit
        """;

    private const string ClaimSql = "UPDATE dunning_messages SET next_attempt_at = @Until WHERE id = @Id AND status = 'queued' AND next_attempt_at <= @Now";
    private const string SentSql = "UPDATE dunning_messages SET status = 'sent', attempts = attempts + 1, sent_at = @Now, last_error = NULL WHERE id = @Id";
    private const string RetrySql = "UPDATE dunning_messages SET attempts = attempts + 1, next_attempt_at = @Next, last_error = @Error, status = @Status WHERE id = @Id";

    public async Task<int> DispatchDueAsync(int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var row in await db.QueryAsync<DueRow>(DueSql, new { Now = now, Limit = limit }, ct))
        {
            if (await db.ExecuteAsync(ClaimSql, new { row.Id, Now = now, Until = now + Lease }, ct) == 0)
            {
                continue;
            }

            try
            {
                await sender.SendAsync(new OutgoingEmail(row.Id, row.ToName ?? string.Empty, row.ToAddress ?? string.Empty, row.Subject, row.Html, row.Text), ct);
                await db.ExecuteAsync(SentSql, new { row.Id, Now = time.GetUtcNow() }, ct);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var attempts = row.Attempts + 1;
                var final = attempts >= options.MaxAttempts;
                logger.LogWarning("Sending {MessageId} failed (attempt {Attempt}): {Error}", row.Id, attempts, exception.Message);
                await db.ExecuteAsync(RetrySql, new
                {
                    row.Id,
                    Next = time.GetUtcNow() + Backoff(options.RetryBaseDelay, attempts),
                    Error = Truncate(exception.Message),
                    Status = final ? MessageStatuses.Failed : MessageStatuses.Queued,
                }, ct);
            }
        }

        return sent;
    }

    /// <summary>1, 2, 4, 8 … times the base delay, capped at six hours.</summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(6).Ticks, baseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    private sealed record DueRow
    {
        public string Id { get; init; } = "";
        public string? ToName { get; init; }
        public string? ToAddress { get; init; }
        public string Subject { get; init; } = "";
        public string Html { get; init; } = "";
        public string Text { get; init; } = "";
        public int Attempts { get; init; }
    }
}
