using Collections.Dunning.Domain.Languages;
using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Dunning.Domain;

/// <summary>A message that may still leave: as it stands now (perhaps recomposed), and the debtor it goes to.</summary>
internal sealed record MessageToSend(MessageRow Message, DebtorDto Debtor);

/// <summary>
/// Checks a message that has not left yet (a queued e-mail, a letter waiting to be printed) against the debtor's
/// invoices as they are now. Invoices paid, credited, written off, disputed, put in a plan, promised, held or placed
/// since the run drop out: when none is left the message is withdrawn with the reason, otherwise it is recomposed for
/// the rest and keeps its slot. Its dropped invoices lose the step it took for them, so the step is taken again if
/// chasing resumes (the debtor never received it). Runs inside the caller's transaction: the event that changed the
/// invoices, or the dispatcher's claim of the row.
/// </summary>
internal sealed class MessageRecheck(DbSession db, ChaseSnapshotLoader loader, DunningOptions options, IMediator mediator, TimeProvider time)
{
    private const string UnsentSql = "SELECT " + MessageRow.Columns + " FROM dunning_messages WHERE debtor_id = @DebtorId AND purpose = 'reminder' AND status IN ('queued', 'to_print') ORDER BY id";
    private const string OneSql = "SELECT " + MessageRow.Columns + " FROM dunning_messages WHERE id = @Id";
    public const int WithdrawnReasonLength = 200;

    private const string WithdrawSql = "UPDATE dunning_messages SET status = 'withdrawn', withdrawn_reason = @Reason WHERE id = @Id AND status = @Status";
    private const string RecomposeSql = """
        UPDATE dunning_messages SET subject = @Subject, body_html = @Html, body_text = @Text, invoice_ids = @InvoiceIds, total_minor = @TotalMinor, currency = @Currency
        WHERE id = @Id AND status = @Status
        """;
    private const string ForgetStepSql = "DELETE FROM dunning_step_log WHERE message_id = @MessageId AND invoice_id = @InvoiceId";

    /// <summary>Every unsent message of the debtor, after something changed its invoices.</summary>
    public async Task RecheckDebtorAsync(string debtorId, CancellationToken ct)
    {
        var unsent = await db.QueryAsync<MessageRow>(UnsentSql, new { DebtorId = debtorId }, ct);
        if (unsent.Count == 0)
        {
            return;
        }

        var snapshot = await loader.LoadAsync([debtorId], ct);
        foreach (var message in unsent)
        {
            await RecheckAsync(message, snapshot, ct);
        }
    }

    /// <summary>
    /// One message the dispatcher has just claimed (status 'sending'), in the claim's transaction: what to send, or null
    /// when it was withdrawn.
    /// </summary>
    public async Task<MessageToSend?> RecheckClaimedAsync(string messageId, CancellationToken ct)
    {
        var message = await db.QuerySingleOrDefaultAsync<MessageRow>(OneSql, new { Id = messageId }, ct);
        return message is not { Status: MessageStatuses.Sending } ? null : await RecheckAsync(message, await loader.LoadAsync([message.DebtorId], ct), ct);
    }

    private async Task<MessageToSend?> RecheckAsync(MessageRow message, ChaseSnapshot snapshot, CancellationToken ct)
    {
        if (!snapshot.Debtors.TryGetValue(message.DebtorId, out var debtor))
        {
            await WithdrawAsync(message, "debtor_removed", IdList.Split(message.InvoiceIds), ct);
            return null;
        }

        if (message.Purpose != MessagePurposes.Reminder)
        {
            // A courtesy message goes even on hold, but do-not-contact stops everything, and one that asks for money is
            // stale once the debtor has paid since it was queued (an installment reminder written at night, paid at dawn).
            var stale = snapshot.Settings.GetValueOrDefault(debtor.Id) is { DoNotContact: true } ? "do_not_contact"
                : MessagePurposes.AsksForMoney(message.Purpose) && await PaidSinceAsync(message, ct) ? "paid_since" : null;
            if (stale is not null)
            {
                await WithdrawAsync(message, stale, [], ct);
                return null;
            }

            return new MessageToSend(message, debtor);
        }

        var now = time.GetUtcNow();
        var zone = ContactWindow.Zone(debtor.TimeZone);
        var today = ContactWindow.LocalDate(now, zone);
        var state = new ChaseState(snapshot, debtor.Id, today, now, options.PendingPaymentExpiryDays);
        var open = snapshot.Invoices.ToDictionary(i => i.Id);
        var kept = new List<MessageLine>();
        var dropped = new List<(string InvoiceId, string Reason)>();
        foreach (var invoiceId in IdList.Split(message.InvoiceIds))
        {
            if (!open.TryGetValue(invoiceId, out var item))
            {
                dropped.Add((invoiceId, "settled"));
                continue;
            }

            var verdict = state.Judge(item);
            if (verdict.PauseReason is { } reason)
            {
                dropped.Add((invoiceId, reason));
            }
            else
            {
                kept.Add(new MessageLine(item, verdict.CollectibleMinor, verdict.DisputedMinor, verdict.PromisedMinor, verdict.PromisedBy));
            }
        }

        if (kept.Count == 0)
        {
            await WithdrawAsync(message, string.Join(", ", dropped.Select(d => d.Reason).Distinct()), dropped.Select(d => d.InvoiceId), ct);
            return null;
        }

        var currency = kept[0].Item.Currency;
        var total = kept.Where(l => l.Item.Currency == currency).Sum(l => l.CollectibleMinor);
        if (dropped.Count == 0 && total == message.TotalMinor && currency == message.Currency)
        {
            return new MessageToSend(message, debtor);
        }

        return new MessageToSend(await RecomposeAsync(message, snapshot, debtor, state, kept, dropped, today, ct), debtor);
    }

    /// <summary>Takes back a message that has not left, forgetting the steps it took for these invoices (they are taken again).</summary>
    public async Task WithdrawAsync(MessageRow message, string reason, IEnumerable<string> invoiceIds, CancellationToken ct)
    {
        if (await db.ExecuteAsync(WithdrawSql, new { message.Id, Reason = Text.Clip(reason, WithdrawnReasonLength), message.Status }, ct) == 0)
        {
            return;
        }

        await ForgetStepAsync(message, invoiceIds, ct);
        await mediator.Send(new RecordActivityCommand(message.DebtorId, "dunning.message_withdrawn",
            $"{Describe(message)} '{message.Subject}' was withdrawn before it left: {Explain(reason)}."), ct);
    }

    private async Task<MessageRow> RecomposeAsync(MessageRow message, ChaseSnapshot snapshot, DebtorDto debtor, ChaseState state,
        List<MessageLine> kept, List<(string InvoiceId, string Reason)> dropped, DateOnly today, CancellationToken ct)
    {
        var contact = Addressee.Of(debtor);
        var recipient = Voice.For(debtor, contact, options.DefaultLanguage);
        var template = snapshot.Templates.ByKey.GetValueOrDefault(message.TemplateKey) is { } stored
            ? snapshot.Templates.InLanguageOf(stored, recipient)
            // The template was deleted since the run: the message keeps its wording, only its lines are refreshed below.
            : new TemplateRow { Subject = message.Subject, Body = message.BodyHtml, Language = recipient.Chain[0] };
        var voice = recipient.WritingIn(template.Language);

        var policy = snapshot.PolicyOf(debtor, state.Settings);
        var stepIndex = policy.Steps.ToList().FindIndex(s => s.Key == message.StepKey);
        var next = stepIndex >= 0 && stepIndex + 1 < policy.Steps.Count ? policy.Steps[stepIndex + 1] : null;
        var content = MessageComposer.Compose(template.Subject, template.Body, new MessageInput(
            debtor, contact, kept, Cadence.Describe(next, options.SenderName, voice), message.NextStepOn ?? today.AddDays(7),
            options.SenderName, today, voice));
        var currency = kept[0].Item.Currency;
        var recomposed = message with
        {
            Subject = content.Subject,
            BodyHtml = content.Html,
            BodyText = content.Text,
            InvoiceIds = IdList.Join(kept.Select(l => l.Item.Id)),
            TotalMinor = kept.Where(l => l.Item.Currency == currency).Sum(l => l.CollectibleMinor),
            Currency = currency,
        };
        await db.ExecuteAsync(RecomposeSql, new
        {
            recomposed.Id,
            recomposed.Subject,
            Html = recomposed.BodyHtml,
            Text = recomposed.BodyText,
            recomposed.InvoiceIds,
            recomposed.TotalMinor,
            recomposed.Currency,
            message.Status,
        }, ct);
        await ForgetStepAsync(message, dropped.Select(d => d.InvoiceId), ct);
        var why = dropped.Count == 0 ? "an amount changed" : $"{dropped.Count} invoice(s) dropped out ({string.Join(", ", dropped.Select(d => Explain(d.Reason)).Distinct())})";
        await mediator.Send(new RecordActivityCommand(message.DebtorId, "dunning.message_recomposed",
            $"{Describe(message)} '{message.Subject}' was recomposed before it left for {kept.Count} invoice(s): {why}."), ct);
        return recomposed;
    }

    private async Task<bool> PaidSinceAsync(MessageRow message, CancellationToken ct) =>
        (await mediator.Send(new GetPaymentsQuery(message.DebtorId, DateOnly.FromDateTime(message.CreatedAt.UtcDateTime).AddDays(-1)), ct))
            .Any(p => p.RecordedAt > message.CreatedAt);

    private async Task ForgetStepAsync(MessageRow message, IEnumerable<string> invoiceIds, CancellationToken ct)
    {
        var rows = invoiceIds.Select(id => new { MessageId = message.Id, InvoiceId = id }).ToList();
        if (rows.Count > 0)
        {
            await db.ExecuteAsync(ForgetStepSql, rows, ct);
        }
    }

    private static string Describe(MessageRow message) => Channels.Label(message.Channel);

    private static string Explain(string reasons) => string.Join(", ", reasons.Split(", ").Select(reason => reason switch
    {
        "settled" => "paid, credited or written off",
        "dispute" => "disputed",
        "payment_plan" => "in a payment plan",
        "payment_pending" => "a payment is on its way",
        "promise" => "covered by a promise to pay",
        "hold" => "collection on hold",
        "do_not_contact" => "the debtor is not to be contacted",
        "placed" => "placed with an agency",
        "debtor_removed" => "the debtor no longer exists",
        "paid_since" => "the debtor paid after it was queued",
        _ => SmsReach.Explain(reason),
    }));
}
