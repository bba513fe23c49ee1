using Collections.Dunning.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Portal;
using Microsoft.Extensions.Logging;

namespace Collections.Dunning.Delivery;

/// <summary>
/// Drains the outbox: claims each due e-mail with a lease (so two dispatchers never send the same one) and, in the same
/// transaction, checks it against the debtor's invoices as they are now — withdrawn when nothing it asks for is still
/// owed, recomposed when part is — so a payment that commits before the claim is never followed by its reminder. Sends
/// after the commit; on failure retries with exponential back-off, at the debtor's next contact-hours opening, until
/// MaxAttempts, then marks it failed with the error.
/// </summary>
internal sealed class OutboxDispatcher(DbSession db, MessageRecheck recheck, IEmailSender sender, IPortalLinks links, DunningOptions options, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    public const int ErrorLength = 1000;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const string DueSql = """
        SELECT id FROM dunning_messages
        WHERE status IN ('queued', 'sending') AND channel = 'email' AND next_attempt_at <= @Now AND not_before <= @Now
        ORDER BY next_attempt_at, id
        LIMIT @Limit
        """;

    // 'sending' for the lease: a change to its invoices no longer withdraws it (it is leaving); a dispatcher that dies
    // mid-send leaves it 'sending' until the lease ends, and the next dispatcher takes it up again.
    private const string ClaimSql = """
        UPDATE dunning_messages SET status = 'sending', next_attempt_at = @Until
        WHERE id = @Id AND status IN ('queued', 'sending') AND next_attempt_at <= @Now
        """;
    private const string SentSql = "UPDATE dunning_messages SET status = 'sent', attempts = attempts + 1, sent_at = @Now, last_error = NULL WHERE id = @Id";
    private const string RetrySql = "UPDATE dunning_messages SET attempts = attempts + 1, next_attempt_at = @Next, last_error = @Error, status = @Status WHERE id = @Id";

    public async Task<int> DispatchDueAsync(int limit, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var id in await db.QueryAsync<string>(DueSql, new { Now = now, Limit = limit }, ct))
        {
            var claimed = await db.InTransactionAsync(async () =>
                await db.ExecuteAsync(ClaimSql, new { Id = id, Now = now, Until = now + Lease }, ct) == 0 ? null : await recheck.RecheckClaimedAsync(id, ct), ct);
            if (claimed is not { Message: var message, Debtor: var debtor })
            {
                continue;
            }

            try
            {
                // The link is minted now, for this message alone (revocable by its id), and never stored.
                var link = links.CreateLink(message.DebtorId, null, message.Id);
                await sender.SendAsync(new OutgoingEmail(message.Id, message.ToName ?? string.Empty, message.ToAddress ?? string.Empty, message.Subject,
                    PortalLinkSlot.Fill(message.BodyHtml, link, html: true), PortalLinkSlot.Fill(message.BodyText, link, html: false)), ct);
                await db.ExecuteAsync(SentSql, new { message.Id, Now = time.GetUtcNow() }, ct);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var final = attempts >= options.MaxAttempts;
                logger.LogWarning("Sending {MessageId} failed (attempt {Attempt}): {Error}", message.Id, attempts, exception.Message);
                var next = ContactWindow.NextOpening(time.GetUtcNow() + Backoff(options.RetryBaseDelay, attempts),
                    ContactWindow.Zone(debtor.TimeZone), debtor.ContactHours, options.HolidaysOf(debtor.CountryCode));
                await db.ExecuteAsync(RetrySql, new
                {
                    message.Id,
                    Next = next,
                    Error = Text.Clip(exception.Message, ErrorLength),
                    Status = final ? MessageStatuses.Failed : MessageStatuses.Queued,
                }, ct);
            }
        }

        return sent;
    }

    /// <summary>1, 2, 4, 8 … times the base delay, capped at six hours.</summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(6).Ticks, baseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));

}
