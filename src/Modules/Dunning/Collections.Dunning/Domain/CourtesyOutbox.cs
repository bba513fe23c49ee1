using System.Net;
using System.Security.Cryptography;
using System.Text;
using Collections.Dunning.Domain.Languages;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Dunning.Domain;

/// <summary>What the debtor's account looks like as a courtesy message is written, and the voice it is written in.</summary>
internal sealed record CourtesyContext(DebtorDto Debtor, IReadOnlyList<ReceivableDto> Items, DateOnly Today, Voice Voice)
{
    public IReadOnlyDictionary<string, ReceivableDto> ById { get; } = Items.ToDictionary(i => i.Id);

    public IReadOnlyList<ReceivableDto> Open { get; } = Items.Where(i => i.Status == InvoiceStatuses.Open && i.BalanceMinor > 0).ToList();

    public string NumberOf(string itemId) => ById.TryGetValue(itemId, out var item) ? item.Number : itemId;

    public string Amount(long minor, string currency) => Voice.Amount(minor, currency);

    public string Date(DateOnly date) => Voice.Date(date);

    public string Say(string phrase, params (string Name, object Value)[] values) => Voice.Say(phrase, values);
}

/// <summary>The event-specific part of a courtesy message: its lines and what happens next (and when).</summary>
internal sealed record CourtesyContent(IReadOnlyList<string> Details, string NextStep, DateOnly NextStepDate);

/// <summary>
/// A message acknowledging what the debtor or staff did. Kind names its template (`email_{kind}`) and its purpose;
/// Cause is what it answers (a payment, a plan's third installment): one message per cause and debtor, ever. Currency
/// null means the debtor's own (for an event that carries no amount).
/// </summary>
internal sealed record CourtesyNote(string Kind, string Cause, string DebtorId, long AmountMinor, string? Currency, IReadOnlyList<string> InvoiceIds,
    Func<CourtesyContext, CourtesyContent> Content)
{
    /// <summary>The contact to write to; null means the debtor's primary contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>Sent at once rather than at the next contact-hours opening: the debtor asked for it and is waiting.</summary>
    public bool Requested { get; init; }
}

/// <summary>
/// Queues courtesy messages (receipts, confirmations) in the caller's transaction, through the reminders' outbox and
/// contact hours. They are not chasing: they go while collection is on hold, never count toward the reminder gap, are
/// not withdrawn when invoices change, and do not move the ladder; only do-not-contact stops them (also at send time),
/// and a debtor without an e-mail address gets none. The cause is stored as the message's run id, so a replayed event
/// finds its message already there and queues nothing.
/// </summary>
internal sealed class CourtesyOutbox(DbSession db, IMediator mediator, DunningOptions options, TimeProvider time)
{
    /// <summary>The merge fields a courtesy template may use.</summary>
    public static readonly string[] FieldNames =
        ["salutation", "contactFirstName", "contactName", "debtorName", "amount", "details", "totalDue", "portalLink", "nextStep", "nextStepDate", "senderName"];

    private const string DoNotContactSql = "SELECT COUNT(*) FROM dunning_debtor_settings WHERE debtor_id = @DebtorId AND do_not_contact = @Yes";
    private const string QueueSql = """
        INSERT INTO dunning_messages (id, debtor_id, run_id, channel, tone, step_key, template_key, to_name, to_address, subject, body_html, body_text,
            invoice_ids, total_minor, currency, next_step_on, status, attempts, not_before, next_attempt_at, last_error, purpose, created_at, sent_at)
        SELECT @Id, @DebtorId, @Cause, @Channel, @Tone, @Purpose, @TemplateKey, @ToName, @ToAddress, @Subject, @Html, @Text,
            @InvoiceIds, @AmountMinor, @Currency, @NextStepOn, @Queued, 0, @NotBefore, @NotBefore, NULL, @Purpose, @Now, NULL
        WHERE NOT EXISTS (SELECT 1 FROM dunning_messages WHERE debtor_id = @DebtorId AND run_id = @Cause AND channel = @Channel)
        """;

    public async Task QueueAsync(CourtesyNote note, CancellationToken ct)
    {
        var debtor = (await mediator.Send(new GetDebtorsQuery([note.DebtorId]), ct)).SingleOrDefault();
        var contact = debtor is null ? null : note.ContactId is null ? Addressee.Of(debtor) : debtor.Contacts.FirstOrDefault(c => c.Id == note.ContactId);
        if (debtor is null || contact is not { Email: { Length: > 0 } address }
            || await db.ExecuteScalarAsync<long>(DoNotContactSql, new { note.DebtorId, Yes = true }, ct) > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var zone = ContactWindow.Zone(debtor.TimeZone);
        var key = "email_" + note.Kind;
        var recipient = Voice.For(debtor, contact, options.DefaultLanguage);
        var book = await TemplateBook.LoadAsync(db, key, ct);
        var seed = SeedTemplates.AllCourtesy.Single(t => t.Key == key);
        var template = book.InLanguageOf(book.ByKey.GetValueOrDefault(key) ?? new TemplateRow { TemplateKey = key, Subject = seed.Subject, Body = seed.Body }, recipient);
        var items = (await mediator.Send(new GetDebtorItemsQuery(debtor.Id), ct)).Select(r => r.Item).ToList();
        var context = new CourtesyContext(debtor, items, ContactWindow.LocalDate(now, zone), recipient.WritingIn(template.Language));
        note = note with { Currency = note.Currency ?? debtor.Currency };
        var content = note.Content(context);
        var message = MessageComposer.Render(template.Subject, template.Body,
            Fields(note, context, contact, content, escape: true), Fields(note, context, contact, content, escape: false));

        var queued = await db.ExecuteAsync(QueueSql, new
        {
            Id = Ids.New("msg", time),
            note.DebtorId,
            Cause = CauseKey(note.Cause),
            Channel = Channels.Email,
            Tone = Tones.Friendly,
            Purpose = note.Kind,
            TemplateKey = key,
            ToName = contact.Name,
            ToAddress = address,
            message.Subject,
            message.Html,
            message.Text,
            InvoiceIds = IdList.Join(note.InvoiceIds),
            note.AmountMinor,
            note.Currency,
            NextStepOn = content.NextStepDate,
            Queued = MessageStatuses.Queued,
            NotBefore = note.Requested ? now : ContactWindow.NextOpening(now, zone, debtor.ContactHours, options.HolidaysOf(debtor.CountryCode)),
            Now = now,
        }, ct);
        if (queued > 0)
        {
            await mediator.Send(new RecordActivityCommand(debtor.Id, "dunning.courtesy_queued", $"'{message.Subject}' queued to {address}."), ct);
        }
    }

    private Dictionary<string, string> Fields(CourtesyNote note, CourtesyContext context, ContactDto contact, CourtesyContent content, bool escape)
    {
        string E(string value) => escape ? WebUtility.HtmlEncode(value) : value;
        var voice = context.Voice;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["salutation"] = E(MessageComposer.Salutation(contact.Name, voice)),
            ["contactFirstName"] = E(MessageComposer.FirstNameOrSirOrMadam(contact.Name)),
            ["contactName"] = E(contact.Name ?? voice.Say("contact.unnamed")),
            ["debtorName"] = E(context.Debtor.Name),
            ["amount"] = voice.Amount(note.AmountMinor, note.Currency!),
            ["details"] = escape
                ? $"<ul>{string.Concat(content.Details.Select(d => $"<li>{E(d)}</li>"))}</ul>"
                : string.Join("\n", content.Details.Select(d => "  - " + d)),
            ["totalDue"] = context.Open.Count == 0
                ? voice.Amount(0, note.Currency!)
                : voice.Join(context.Open.GroupBy(i => i.Currency).Select(g => voice.Amount(g.Sum(i => i.BalanceMinor), g.Key))),
            ["portalLink"] = MessageComposer.PortalLink(escape),
            ["nextStep"] = E(content.NextStep),
            ["nextStepDate"] = voice.Date(content.NextStepDate),
            ["senderName"] = E(options.SenderName),
        };
    }

    /// <summary>The run id column holds 40 characters; a longer cause is kept unique by its hash.</summary>
    public static string CauseKey(string cause) =>
        cause.Length <= 40 ? cause : "c_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cause)))[..38];
}
