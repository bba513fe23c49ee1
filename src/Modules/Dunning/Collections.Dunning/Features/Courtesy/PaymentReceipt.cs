using System.Net;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Portal;
using MediatR;

namespace Collections.Dunning.Features.Courtesy;

/// <summary>
/// Every payment is acknowledged: a thank-you and receipt (what it paid, invoice by invoice, any discount taken, what
/// remains and when it is due) queued in the payment's own transaction, through the same outbox and contact hours as
/// the reminders. A receipt is not chasing: it goes while collection is on hold, never counts toward the reminder gap
/// and is not withdrawn by later changes; only do-not-contact stops it. One per payment: the payment id is the
/// message's run id, so an event replay finds it already there.
/// </summary>
internal sealed class PaymentReceiptHandler(DbSession db, IMediator mediator, DunningOptions options, IPortalLinks links, TimeProvider time)
    : INotificationHandler<PaymentSucceeded>
{
    private const string DoNotContactSql = "SELECT COUNT(*) FROM dunning_debtor_settings WHERE debtor_id = @DebtorId AND do_not_contact = @Yes";
    private const string TemplateSql = "SELECT subject AS Subject, body AS Body FROM dunning_templates WHERE template_key = @Key";
    private const string QueueSql = """
        INSERT INTO dunning_messages (id, debtor_id, run_id, channel, tone, step_key, template_key, to_name, to_address, subject, body_html, body_text,
            invoice_ids, total_minor, currency, next_step_on, status, attempts, not_before, next_attempt_at, last_error, purpose, created_at, sent_at)
        SELECT @Id, @DebtorId, @PaymentId, @Channel, @Tone, @Purpose, @TemplateKey, @ToName, @ToAddress, @Subject, @Html, @Text,
            @InvoiceIds, @AmountMinor, @Currency, NULL, @Queued, 0, @NotBefore, @NotBefore, NULL, @Purpose, @Now, NULL
        WHERE NOT EXISTS (SELECT 1 FROM dunning_messages WHERE debtor_id = @DebtorId AND run_id = @PaymentId AND channel = @Channel)
        """;

    public async Task Handle(PaymentSucceeded payment, CancellationToken cancellationToken)
    {
        var debtor = (await mediator.Send(new GetDebtorsQuery([payment.DebtorId]), cancellationToken)).SingleOrDefault();
        var contact = debtor is null ? null : RunPlanner.ContactFor(debtor);
        if (debtor is null || string.IsNullOrWhiteSpace(contact?.Email)
            || await db.ExecuteScalarAsync<long>(DoNotContactSql, new { payment.DebtorId, Yes = true }, cancellationToken) > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var zone = ContactWindow.Zone(debtor.TimeZone);
        var today = ContactWindow.LocalDate(now, zone);
        var items = (await mediator.Send(new GetDebtorItemsQuery(debtor.Id), cancellationToken)).Select(r => r.Item).ToList();
        var template = await db.QuerySingleOrDefaultAsync<TemplateRow>(TemplateSql, new { SeedTemplates.Receipt.Key }, cancellationToken)
            ?? new TemplateRow { Subject = SeedTemplates.Receipt.Subject, Body = SeedTemplates.Receipt.Body };
        var receipt = new Receipt(payment, debtor, contact!, items, links.CreateLink(debtor.Id), options.SenderName, today);
        var content = MessageComposer.Render(template.Subject, template.Body, receipt.Fields(escape: true), receipt.Fields(escape: false));

        var id = Ids.New("msg", time);
        var queued = await db.ExecuteAsync(QueueSql, new
        {
            Id = id, payment.DebtorId, payment.PaymentId, Channel = Channels.Email, Tone = Tones.Friendly, Purpose = MessagePurposes.Receipt,
            TemplateKey = SeedTemplates.Receipt.Key, ToName = contact!.Name, ToAddress = contact.Email, content.Subject, content.Html, content.Text,
            InvoiceIds = IdList.Join(payment.Allocations.Select(a => a.ItemId)), payment.AmountMinor, payment.Currency, Queued = MessageStatuses.Queued,
            NotBefore = ContactWindow.NextOpening(now, zone, debtor.ContactHours, options.HolidaysOf(debtor.CountryCode)), Now = now,
        }, cancellationToken);
        if (queued > 0)
        {
            await mediator.Send(new RecordActivityCommand(debtor.Id, "dunning.receipt_queued",
                $"Thank-you and receipt for the payment of {MessageComposer.Amount(payment.AmountMinor, payment.Currency)} queued to {contact.Email}."), cancellationToken);
        }
    }

    /// <summary>The merge fields of a receipt: the reminders' own (names, portal link, sender) plus the payment's.</summary>
    private sealed record Receipt(PaymentSucceeded Payment, DebtorDto Debtor, ContactDto Contact, IReadOnlyList<ReceivableDto> Items, Uri PortalLink, string SenderName, DateOnly Today)
    {
        public Dictionary<string, string> Fields(bool escape)
        {
            string E(string value) => escape ? WebUtility.HtmlEncode(value) : value;
            var open = Items.Where(i => i.Status == InvoiceStatuses.Open && i.BalanceMinor > 0).ToList();
            var link = PortalLink.ToString();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["contactFirstName"] = E(MessageComposer.FirstName(Contact.Name)),
                ["contactName"] = E(Contact.Name ?? "Accounts Payable"),
                ["debtorName"] = E(Debtor.Name),
                ["paymentAmount"] = MessageComposer.Amount(Payment.AmountMinor, Payment.Currency),
                ["paymentDate"] = MessageComposer.Date(Payment.ReceivedOn),
                ["paymentTable"] = escape ? $"<ul>{string.Concat(Lines().Select(l => $"<li>{E(l)}</li>"))}</ul>" : string.Join("\n", Lines().Select(l => "  - " + l)),
                ["totalDue"] = open.Count == 0 ? MessageComposer.Amount(0, Payment.Currency)
                    : string.Join(" and ", open.GroupBy(i => i.Currency).Select(g => MessageComposer.Amount(g.Sum(i => i.BalanceMinor), g.Key))),
                ["portalLink"] = escape ? $"<a href=\"{E(link)}\">{E(link)}</a>" : link,
                ["nextStep"] = E(NextStep(open)),
                ["nextStepDate"] = MessageComposer.Date(Today),
                ["senderName"] = E(SenderName),
            };
        }

        private IEnumerable<string> Lines()
        {
            var byId = Items.ToDictionary(i => i.Id);
            foreach (var allocation in Payment.Allocations)
            {
                var item = byId.GetValueOrDefault(allocation.ItemId);
                var what = item is null ? "An item" : $"Invoice {item.Number}" + (item.PoNumber is null ? "" : $" (PO {item.PoNumber})");
                var discount = allocation.DiscountMinor > 0 ? $", with an early-payment discount of {MessageComposer.Amount(allocation.DiscountMinor, Payment.Currency)}" : "";
                var rest = item is null || item.BalanceMinor == 0 ? "now settled in full" : $"{MessageComposer.Amount(item.BalanceMinor, item.Currency)} still open";
                yield return $"{what}: {MessageComposer.Amount(allocation.AmountMinor, Payment.Currency)} paid{discount}; {rest}";
            }

            if (Payment.UnappliedMinor > 0)
            {
                yield return $"{MessageComposer.Amount(Payment.UnappliedMinor, Payment.Currency)} kept as a credit on your account, to be set against your next invoice";
            }
        }

        private string NextStep(List<ReceivableDto> open)
        {
            if (open.Count == 0)
            {
                return "nothing more is due on your account, so there is nothing else you need to do";
            }

            var next = open.MinBy(i => i.DueDate)!;
            return next.DueDate < Today
                ? $"invoice {next.Number} of {MessageComposer.Amount(next.BalanceMinor, next.Currency)} was due on {MessageComposer.Date(next.DueDate)}; you can pay it, or part of it, at any time through the link below"
                : $"the next invoice, {next.Number} of {MessageComposer.Amount(next.BalanceMinor, next.Currency)}, falls due on {MessageComposer.Date(next.DueDate)}";
        }
    }
}
