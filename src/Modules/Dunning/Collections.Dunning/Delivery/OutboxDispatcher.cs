using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Collections.SharedKernel.Portal;
using Microsoft.Extensions.Logging;

namespace Collections.Dunning.Delivery;

/// <summary>
/// Drains the outbox: claims each due e-mail for itself (so two dispatchers never send the same one) and, in the same
/// transaction, checks it against the debtor's invoices as they are now — withdrawn when nothing it asks for is still
/// owed, recomposed when part is — so a payment that commits before the claim is never followed by its reminder. Sends
/// after the commit; on failure retries with exponential back-off, at the debtor's next contact-hours opening, until
/// MaxAttempts, then marks it failed with the error.
/// </summary>
/// <remarks>
/// A claim names this dispatcher's claim (<see cref="IJobLease.InstanceId"/> and a token of its own) and lasts
/// <see cref="DunningOptions.ClaimLease"/> from the moment it is made, on the database's clock like the job leases, so a
/// slow batch or an instance whose clock runs ahead cannot take over an e-mail another dispatcher is still sending. A
/// send is abandoned after <see cref="DunningOptions.SendTimeout"/>, well inside the claim; only the claim's holder
/// records the outcome, so a dispatcher that stalled past its claim cannot overwrite the one that took it over.
/// </remarks>
internal sealed class OutboxDispatcher(
    DbSession db,
    MessageRecheck recheck,
    IEmailSender sender,
    ISmsSender smsSender,
    SmsGate smsGate,
    ReplyToAddress replyTo,
    IPortalLinks links,
    IJobLease lease,
    DunningOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
{
    public const int ErrorLength = 1000;

    // @Now is this instance's (business) clock, which schedules e-mails; @DbNow the database's, which times claims.
    // A claim whose expiry is NULL was made by a version before claims had one; its lease end was next_attempt_at.
    private const string Claimable = """
        channel IN ('email', 'sms') AND (
             (status = 'queued' AND next_attempt_at <= @Now AND not_before <= @Now)
          OR (status = 'sending' AND COALESCE(claim_expires_at, next_attempt_at) <= @DbNow))
        """;

    private const string DueSql = "SELECT id FROM dunning_messages WHERE " + Claimable + " ORDER BY next_attempt_at, id LIMIT @Limit";

    // 'sending' while claimed: a change to its invoices no longer withdraws it (it is leaving); a dispatcher that dies
    // mid-send leaves it 'sending' until the claim ends, and the next dispatcher takes it up again.
    private const string ClaimSql = "UPDATE dunning_messages SET status = 'sending', claimed_by = @Claim, claim_expires_at = @Until WHERE id = @Id AND " + Claimable;

    private const string SentSql = """
        UPDATE dunning_messages SET status = 'sent', attempts = attempts + 1, sent_at = @Now, last_error = NULL
        WHERE id = @Id AND claimed_by = @Claim AND status = 'sending'
        """;

    private const string SmsSentSql = """
        UPDATE dunning_messages SET status = 'sent', attempts = attempts + 1, sent_at = @Now, last_error = NULL,
            provider_message_id = @ProviderMessageId, delivery_status = @DeliveryStatus, delivery_updated_at = @Now
        WHERE id = @Id AND claimed_by = @Claim AND status = 'sending'
        """;

    // Outside the hours a text may arrive: back in the queue, unclaimed, until they open (no attempt spent).
    private const string DeferSql = """
        UPDATE dunning_messages SET status = 'queued', not_before = @Next, next_attempt_at = @Next, claimed_by = NULL, claim_expires_at = NULL
        WHERE id = @Id AND claimed_by = @Claim AND status = 'sending'
        """;

    private const string RetrySql = """
        UPDATE dunning_messages SET attempts = attempts + 1, next_attempt_at = @Next, last_error = @Error, status = @Status
        WHERE id = @Id AND claimed_by = @Claim AND status = 'sending'
        """;

    public async Task<int> DispatchDueAsync(int limit, CancellationToken ct)
    {
        var due = await db.QueryAsync<string>(DueSql, new { Now = time.GetUtcNow(), DbNow = await db.DatabaseTimeAsync(ct), Limit = limit }, ct);
        var sent = 0;
        foreach (var id in due)
        {
            var claim = $"{lease.InstanceId}/{Guid.NewGuid():N}";
            var claimed = await db.InTransactionAsync(async () =>
            {
                var dbNow = await db.DatabaseTimeAsync(ct);
                var args = new { Id = id, Claim = claim, Now = time.GetUtcNow(), DbNow = dbNow, Until = dbNow + options.ClaimLease };
                if (await db.ExecuteAsync(ClaimSql, args, ct) == 0)
                {
                    return null;
                }

                var toSend = await recheck.RecheckClaimedAsync(id, ct);
                return toSend is { Message.Channel: Channels.Sms } ? await PassSmsGateAsync(toSend, claim, ct) : toSend;
            }, ct);
            if (claimed is not { Message: var message, Debtor: var debtor })
            {
                continue;
            }

            if (message.Channel == Channels.Sms ? await SendSmsAsync(message, debtor, claim, ct) : await SendAsync(message, debtor, claim, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// Sends one claimed e-mail and records the outcome under the claim. The outcome is written even when the
    /// dispatcher is being stopped: an e-mail that left but stayed 'sending' would go out again once its claim ended.
    /// </summary>
    private async Task<bool> SendAsync(MessageRow message, DebtorDto debtor, string claim, CancellationToken ct)
    {
        try
        {
            // MailKit's own timeout is per network operation, and a slow server can string many together.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(options.SendTimeout);
            // The link is minted now, for this message alone (revocable by its id), and never stored.
            var link = links.CreateLink(message.DebtorId, null, message.Id);
            await sender.SendAsync(new OutgoingEmail(message.Id, message.ToName ?? string.Empty, message.ToAddress ?? string.Empty, message.Subject,
                PortalLinkSlot.Fill(message.BodyHtml, link, html: true), PortalLinkSlot.Fill(message.BodyText, link, html: false), replyTo.For(debtor)), deadline.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = exception is OperationCanceledException ? $"No answer from the mail server within {options.SendTimeout}; abandoned." : exception.Message;
            await RecordFailureAsync(message, debtor, claim, error);
            return false;
        }

        if (await db.ExecuteAsync(SentSql, new { message.Id, Claim = claim, Now = time.GetUtcNow() }, CancellationToken.None) == 0)
        {
            logger.LogWarning("{MessageId} was sent, but its claim had run out and another dispatcher took it over: it may go out twice.", message.Id);
        }

        return true;
    }

    /// <summary>
    /// An SMS still goes only to a contact who may be texted (a STOP since the run withdraws it, and the step is taken
    /// again, by e-mail, at the next run) and only in the hours a text may arrive (otherwise it waits for them).
    /// </summary>
    private async Task<MessageToSend?> PassSmsGateAsync(MessageToSend toSend, string claim, CancellationToken ct)
    {
        var verdict = await smsGate.CheckAsync(toSend.Message, toSend.Debtor, ct);
        if (verdict.Refusal is { } refusal)
        {
            await recheck.WithdrawAsync(toSend.Message, refusal, IdList.Split(toSend.Message.InvoiceIds), ct);
            return null;
        }

        if (verdict.WaitUntil is { } opening)
        {
            await db.ExecuteAsync(DeferSql, new { toSend.Message.Id, Claim = claim, Next = opening }, ct);
            return null;
        }

        return toSend;
    }

    /// <summary>
    /// Hands one claimed SMS to Twilio and records its SID under the claim. A refusal of the message itself (a bad number)
    /// fails it at once; anything else (no answer, Twilio busy) is retried like an e-mail, in the hours a text may arrive.
    /// </summary>
    private async Task<bool> SendSmsAsync(MessageRow message, DebtorDto debtor, string claim, CancellationToken ct)
    {
        SmsAccepted accepted;
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(options.SendTimeout);
            accepted = await smsSender.SendAsync(new OutgoingSms(message.Id, message.ToAddress ?? string.Empty,
                PortalLinkSlot.Fill(message.BodyText, PortalAddressForTexts(), html: false)), deadline.Token);
        }
        catch (SmsRefusedException refused)
        {
            await RecordFailureAsync(message, debtor, claim, refused.Message, permanent: true);
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = exception is OperationCanceledException ? $"No answer from Twilio within {options.SendTimeout}; abandoned." : exception.Message;
            await RecordFailureAsync(message, debtor, claim, error);
            return false;
        }

        var args = new
        {
            message.Id,
            Claim = claim,
            Now = time.GetUtcNow(),
            accepted.ProviderMessageId,
            DeliveryStatus = Text.Clip(accepted.Status, SmsDeliveryStatuses.Length),
        };
        if (await db.ExecuteAsync(SmsSentSql, args, CancellationToken.None) == 0)
        {
            logger.LogWarning("{MessageId} was sent, but its claim had run out and another dispatcher took it over: it may go out twice.", message.Id);
        }

        return true;
    }

    /// <summary>
    /// A text carries the portal's address, not a magic link: a sealed token is some 250 characters (two SMS segments on its
    /// own) and a text is read by carriers in the clear; the portal's sign-in page sends the contact a fresh link by e-mail.
    /// A short sign-in code, once Collections has one, would be minted here, for this message.
    /// </summary>
    private Uri PortalAddressForTexts() => links.Page(string.Empty);

    private async Task RecordFailureAsync(MessageRow message, DebtorDto debtor, string claim, string error, bool permanent = false)
    {
        var attempts = message.Attempts + 1;
        var final = permanent || attempts >= options.MaxAttempts;
        logger.LogWarning("Sending {MessageId} failed (attempt {Attempt}): {Error}", message.Id, attempts, error);
        var retryAt = time.GetUtcNow() + Backoff(options.RetryBaseDelay, attempts);
        var zone = ContactWindow.Zone(debtor.TimeZone);
        var holidays = options.HolidaysOf(debtor.CountryCode);
        var next = (message.Channel == Channels.Sms ? SmsHours.NextOpening(retryAt, zone, debtor.ContactHours, holidays) : null)
            ?? ContactWindow.NextOpening(retryAt, zone, debtor.ContactHours, holidays);
        var args = new
        {
            message.Id,
            Claim = claim,
            Next = next,
            Error = Text.Clip(error, ErrorLength),
            Status = final ? MessageStatuses.Failed : MessageStatuses.Queued,
        };
        if (await db.ExecuteAsync(RetrySql, args, CancellationToken.None) == 0)
        {
            logger.LogWarning("Sending {MessageId} failed after its claim had run out; the dispatcher that took it over records the outcome.", message.Id);
        }
    }

    /// <summary>1, 2, 4, 8 … times the base delay, capped at six hours.</summary>
    public static TimeSpan Backoff(TimeSpan baseDelay, int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(6).Ticks, baseDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
}
