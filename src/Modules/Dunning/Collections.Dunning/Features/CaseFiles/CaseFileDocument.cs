using System.Globalization;
using System.Net;
using System.Text;
using Collections.Dunning.Domain;
using Collections.Dunning.Domain.Languages;
using Collections.SharedKernel;

namespace Collections.Dunning.Features.CaseFiles;

/// <summary>
/// The case file as a printable HTML document. Every value is HTML-encoded (debtor names, dispute threads and notes come
/// from outside); the page has no script, and its one style sheet is allowed by hash, so the CSP forbids everything else.
/// Its labels are in the reader's language (an agency or court in the debtor's country reads the debtor's); amounts are
/// formatted in that culture, dates and times stay ISO, and the recorded values (statuses, reasons, notes) as recorded.
/// </summary>
internal static class CaseFileDocument
{
    private const string Style = """
        body{font:11pt/1.4 Georgia,serif;margin:2em;color:#111}h1{font-size:18pt}h2{font-size:13pt;margin-top:1.6em;border-bottom:1px solid #999}
        table{border-collapse:collapse;width:100%;font-size:9.5pt}th,td{border:1px solid #ccc;padding:3px 5px;text-align:left;vertical-align:top}
        td.n{text-align:right;white-space:nowrap}blockquote{margin:.3em 0 .3em 1em;white-space:pre-wrap}@media print{h2{break-after:avoid}tr{break-inside:avoid}}
        """;

    public static readonly string ContentSecurityPolicy = PrintablePage.ContentSecurityPolicy(Style);

    public static string Render(CaseFileResponse file, Voice voice)
    {
        var debtor = file.Debtor;
        var html = new StringBuilder();
        string Amount(long minor, string currency) => voice.Amount(minor, currency);
        string Money(MoneyDto money) => voice.Amount(money.ToMoney().Minor, money.Currency);
        void Table<T>(string section, string[] columns, IReadOnlyList<T> rows, Func<T, string?[]> cells, int[]? numeric = null) =>
            CaseFileDocument.Table(html, voice, section, columns, rows, cells, numeric);

        var heading = voice.Say("caseFile.title", ("debtor", debtor.Name));
        html.Append("<!DOCTYPE html><html lang=\"").Append(voice.Language.Code).Append("\"><head><meta charset=\"utf-8\"><title>").Append(E(heading))
            .Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(E(heading)).Append("</h1>")
            .Append("<p>").Append(E(voice.Say("caseFile.intro", ("externalId", debtor.ExternalId), ("id", debtor.Id), ("country", debtor.CountryCode),
                ("since", debtor.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("generated", Stamp(file.GeneratedAt))))).Append("</p>");
        html.Append("<p>").Append(E(debtor.BillingAddress is { } billing
            ? voice.Say("caseFile.billingAddress", ("address", OneLine(billing)))
            : voice.Say("caseFile.noBillingAddress"))).Append("</p>");
        html.Append("<p>").Append(E(voice.Say("caseFile.openBalance", ("amounts", file.Totals.Count == 0
            ? voice.Say("caseFile.nothingOpen")
            : string.Join(", ", file.Totals.Select(t => Amount(t.OpenMinor, t.Currency))))))).Append("</p>");

        Table("contacts", ["name", "role", "email", "phone", "address"], debtor.Contacts,
            c => [c.Name + (c.IsPrimary ? $" ({voice.Say("caseFile.primary")})" : ""), c.Role, c.Email, c.Phone, c.Address is { } address ? OneLine(address) : null]);
        Table("invoices", ["number", "po", "issued", "due", "total", "balance", "status", "terms"], file.Invoices,
            i => [i.Item.Number, i.Item.PoNumber, Day(i.Item.IssueDate), Day(i.Item.DueDate), Amount(i.Item.TotalMinor, i.Item.Currency),
                Amount(i.Item.BalanceMinor, i.Item.Currency), i.Item.Status, Terms(i.Terms, voice)], numeric: [4, 5]);
        Table("ledger", ["date", "item", "entry", "amount", "balanceAfter", "reason"], file.Ledger,
            l => [Day(l.EffectiveDate), l.ItemNumber, l.EntryType, Amount(l.AmountMinor, l.Currency), Amount(l.BalanceAfterMinor, l.Currency), l.Reason], numeric: [3, 4]);
        Table("payments", ["received", "method", "amount", "refunded", "status"], file.Payments,
            p => [Day(p.ReceivedOn), p.Method, Amount(p.AmountMinor, p.Currency), Amount(p.RefundedMinor, p.Currency), p.Status], numeric: [2, 3]);
        Disputes(html, file, voice);
        Table("plans", ["created", "status", "total", "paid", "nextDue"], file.Plans,
            p => [Stamp(p.CreatedAt), p.Status, Amount(p.TotalMinor, p.Currency), Amount(p.PaidMinor, p.Currency), p.NextDueDate is { } d ? Day(d) : null], numeric: [2, 3]);
        Table("promises", ["made", "by", "amount", "paid", "promisedFor", "status"], file.Promises,
            p => [Stamp(p.CreatedAt), p.CreatedBy, Money(p.Amount), Money(p.Paid), Day(p.PromisedDate), p.Status], numeric: [2, 3]);
        Table("messages", ["written", "channel", "step", "to", "subject", "status", "sent"], file.Messages,
            m => [Stamp(m.CreatedAt), m.Channel, m.Step, m.ToAddress ?? m.ToName, m.Subject, m.Status, m.SentAt is { } at ? Stamp(at) : null]);
        Table("tasks", ["created", "kind", "reason", "status", "outcome", "note", "by"], file.Tasks,
            t => [Stamp(t.CreatedAt), t.Kind, t.Reason, t.Status, t.Outcome, t.Note, t.CompletedBy]);
        Table("escalations", ["date", "type", "agency", "fee", "note", "by"], file.Escalations,
            e => [Stamp(e.CreatedAt), e.Type, e.AgencyName, e.ContingencyFeePercent is { } fee ? fee.ToString("0.##", voice.Culture) + " %" : null, e.Note, e.CreatedBy]);
        return html.Append("</body></html>").ToString();
    }

    private static void Disputes(StringBuilder html, CaseFileResponse file, Voice voice)
    {
        html.Append("<h2>").Append(E(voice.Say("caseFile.disputes"))).Append("</h2>");
        if (file.Disputes.Count == 0)
        {
            html.Append("<p>").Append(E(voice.Say("caseFile.none"))).Append("</p>");
            return;
        }

        var numbers = file.Invoices.ToDictionary(i => i.Item.Id, i => i.Item.Number, StringComparer.Ordinal);
        foreach (var thread in file.Disputes)
        {
            var d = thread.Dispute;
            html.Append("<h3>").Append(E(voice.Say("caseFile.dispute.heading", ("number", d.Number), ("invoice", numbers.GetValueOrDefault(d.InvoiceId, d.InvoiceId)))))
                .Append(": ").Append(E(d.Category)).Append(", ").Append(E(voice.Amount(d.DisputedMinor, d.Currency))).Append(", ").Append(E(d.Status))
                .Append(d.Outcome is null ? "" : " (" + E(d.Outcome) + ")").Append("</h3>")
                .Append("<p>").Append(E(d.ClosedAt is { } closed
                    ? voice.Say("caseFile.dispute.openedAndClosed", ("openedAt", Stamp(d.OpenedAt)), ("closedAt", Stamp(closed)))
                    : voice.Say("caseFile.dispute.opened", ("openedAt", Stamp(d.OpenedAt))))).Append("</p>")
                .Append("<blockquote>").Append(E(thread.Description)).Append("</blockquote>");
            foreach (var message in thread.Messages)
            {
                html.Append("<p>").Append(E(Stamp(message.CreatedAt))).Append(", ").Append(E(message.Author)).Append(" (").Append(E(message.AuthorRole)).Append("):</p>")
                    .Append("<blockquote>").Append(E(message.Body)).Append("</blockquote>");
            }

            if (thread.AttachmentNames.Count > 0)
            {
                html.Append("<p>").Append(E(voice.Say("caseFile.dispute.attachments", ("names", string.Join(", ", thread.AttachmentNames))))).Append("</p>");
            }

            if (thread.ResolutionNote is not null)
            {
                html.Append("<p>").Append(E(voice.Say("caseFile.dispute.resolution"))).Append("</p><blockquote>").Append(E(thread.ResolutionNote)).Append("</blockquote>");
            }
        }
    }

    private static void Table<T>(StringBuilder html, Voice voice, string section, string[] columns, IReadOnlyList<T> rows, Func<T, string?[]> cells, int[]? numeric)
    {
        html.Append("<h2>").Append(E(voice.Say("caseFile." + section))).Append("</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p>").Append(E(voice.Say("caseFile.none"))).Append("</p>");
            return;
        }

        html.Append("<table><thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(E(voice.Say("caseFile.col." + column))).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            var values = cells(row);
            for (var i = 0; i < values.Length; i++)
            {
                html.Append(numeric?.Contains(i) == true ? "<td class=\"n\">" : "<td>").Append(E(values[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Terms(Invoicing.Contracts.InvoiceTermsDto terms, Voice voice)
    {
        var parts = new List<string>();
        if (terms.NetDays is { } net)
        {
            parts.Add(voice.Say("caseFile.terms.net", ("days", net)));
        }

        if (terms is { EarlyPaymentDiscountPercent: { } percent, EarlyPaymentDiscountDays: { } within })
        {
            parts.Add(voice.Say("caseFile.terms.discount", ("percent", percent.ToString("0.##", voice.Culture)), ("days", within)));
        }

        return string.Join(", ", parts);
    }

    /// <summary>The address as a letter prints it, on one line; a case file travels abroad, so it always names the country.</summary>
    private static string OneLine(PostalAddress address) => string.Join(", ", address.Format());

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
