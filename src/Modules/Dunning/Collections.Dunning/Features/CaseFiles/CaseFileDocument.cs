using System.Globalization;
using System.Net;
using System.Text;
using Collections.Dunning.Domain;
using Collections.SharedKernel;

namespace Collections.Dunning.Features.CaseFiles;

/// <summary>
/// The case file as a printable HTML document. Every value is HTML-encoded (debtor names, dispute threads and notes come
/// from outside); the page has no script, and its one style sheet is allowed by hash, so the CSP forbids everything else.
/// </summary>
internal static class CaseFileDocument
{
    private const string Style = """
        body{font:11pt/1.4 Georgia,serif;margin:2em;color:#111}h1{font-size:18pt}h2{font-size:13pt;margin-top:1.6em;border-bottom:1px solid #999}
        table{border-collapse:collapse;width:100%;font-size:9.5pt}th,td{border:1px solid #ccc;padding:3px 5px;text-align:left;vertical-align:top}
        td.n{text-align:right;white-space:nowrap}blockquote{margin:.3em 0 .3em 1em;white-space:pre-wrap}@media print{h2{break-after:avoid}tr{break-inside:avoid}}
        """;

    public static readonly string ContentSecurityPolicy = PrintablePage.ContentSecurityPolicy(Style);

    public static string Render(CaseFileResponse file)
    {
        var debtor = file.Debtor;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Case file ").Append(E(debtor.Name))
            .Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>Case file: ").Append(E(debtor.Name)).Append("</h1>")
            .Append("<p>Debtor ").Append(E(debtor.ExternalId)).Append(" (").Append(E(debtor.Id)).Append("), ").Append(E(debtor.CountryCode))
            .Append(", customer since ").Append(E(debtor.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Append(". Generated ").Append(E(Stamp(file.GeneratedAt))).Append(".</p>");
        html.Append("<p>Open balance: ").Append(E(file.Totals.Count == 0 ? "nothing open" : string.Join(", ", file.Totals.Select(t => Amount(t.OpenMinor, t.Currency))))).Append("</p>");

        Table(html, "Contacts", ["Name", "Role", "E-mail", "Phone"], debtor.Contacts,
            c => [c.Name + (c.IsPrimary ? " (primary)" : ""), c.Role, c.Email, c.Phone]);
        Table(html, "Invoices and terms", ["Number", "PO", "Issued", "Due", "Total", "Balance", "Status", "Terms"], file.Invoices,
            i => [i.Item.Number, i.Item.PoNumber, Day(i.Item.IssueDate), Day(i.Item.DueDate), Amount(i.Item.TotalMinor, i.Item.Currency),
                Amount(i.Item.BalanceMinor, i.Item.Currency), i.Item.Status, Terms(i.Terms)], numeric: [4, 5]);
        Table(html, "Ledger", ["Date", "Item", "Entry", "Amount", "Balance after", "Reason"], file.Ledger,
            l => [Day(l.EffectiveDate), l.ItemNumber, l.EntryType, Amount(l.AmountMinor, l.Currency), Amount(l.BalanceAfterMinor, l.Currency), l.Reason], numeric: [3, 4]);
        Table(html, "Payments", ["Received", "Method", "Amount", "Refunded", "Status"], file.Payments,
            p => [Day(p.ReceivedOn), p.Method, Amount(p.AmountMinor, p.Currency), Amount(p.RefundedMinor, p.Currency), p.Status], numeric: [2, 3]);
        Disputes(html, file);
        Table(html, "Payment plans", ["Created", "Status", "Total", "Paid", "Next due"], file.Plans,
            p => [Stamp(p.CreatedAt), p.Status, Amount(p.TotalMinor, p.Currency), Amount(p.PaidMinor, p.Currency), p.NextDueDate is { } d ? Day(d) : null], numeric: [2, 3]);
        Table(html, "Promises to pay", ["Made", "By", "Amount", "Paid", "Promised for", "Status"], file.Promises,
            p => [Stamp(p.CreatedAt), p.CreatedBy, Money(p.Amount), Money(p.Paid), Day(p.PromisedDate), p.Status], numeric: [2, 3]);
        Table(html, "Messages", ["Written", "Channel", "Step", "To", "Subject", "Status", "Sent"], file.Messages,
            m => [Stamp(m.CreatedAt), m.Channel, m.Step, m.ToAddress ?? m.ToName, m.Subject, m.Status, m.SentAt is { } at ? Stamp(at) : null]);
        Table(html, "Calls and tasks", ["Created", "Kind", "Reason", "Status", "Outcome", "Note", "By"], file.Tasks,
            t => [Stamp(t.CreatedAt), t.Kind, t.Reason, t.Status, t.Outcome, t.Note, t.CompletedBy]);
        Table(html, "Escalations", ["Date", "Type", "Agency", "Contingency fee", "Note", "By"], file.Escalations,
            e => [Stamp(e.CreatedAt), e.Type, e.AgencyName, e.ContingencyFeePercent is { } fee ? fee.ToString("0.##", CultureInfo.InvariantCulture) + " %" : null, e.Note, e.CreatedBy]);
        return html.Append("</body></html>").ToString();
    }

    private static void Disputes(StringBuilder html, CaseFileResponse file)
    {
        html.Append("<h2>Disputes</h2>");
        if (file.Disputes.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }

        var numbers = file.Invoices.ToDictionary(i => i.Item.Id, i => i.Item.Number, StringComparer.Ordinal);
        foreach (var thread in file.Disputes)
        {
            var d = thread.Dispute;
            html.Append("<h3>").Append(E(d.Number)).Append(" on invoice ").Append(E(numbers.GetValueOrDefault(d.InvoiceId, d.InvoiceId)))
                .Append(": ").Append(E(d.Category)).Append(", ").Append(E(Amount(d.DisputedMinor, d.Currency))).Append(", ").Append(E(d.Status))
                .Append(d.Outcome is null ? "" : " (" + E(d.Outcome) + ")").Append("</h3>")
                .Append("<p>Opened ").Append(E(Stamp(d.OpenedAt))).Append(d.ClosedAt is { } closed ? ", closed " + E(Stamp(closed)) : "").Append(".</p>")
                .Append("<blockquote>").Append(E(thread.Description)).Append("</blockquote>");
            foreach (var message in thread.Messages)
            {
                html.Append("<p>").Append(E(Stamp(message.CreatedAt))).Append(", ").Append(E(message.Author)).Append(" (").Append(E(message.AuthorRole)).Append("):</p>")
                    .Append("<blockquote>").Append(E(message.Body)).Append("</blockquote>");
            }

            if (thread.AttachmentNames.Count > 0)
            {
                html.Append("<p>Attachments: ").Append(E(string.Join(", ", thread.AttachmentNames))).Append("</p>");
            }

            if (thread.ResolutionNote is not null)
            {
                html.Append("<p>Resolution:</p><blockquote>").Append(E(thread.ResolutionNote)).Append("</blockquote>");
            }
        }
    }

    private static void Table<T>(StringBuilder html, string title, string[] headers, IReadOnlyList<T> rows, Func<T, string?[]> cells, int[]? numeric = null)
    {
        html.Append("<h2>").Append(E(title)).Append("</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }

        html.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
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

    private static string Terms(Invoicing.Contracts.InvoiceTermsDto terms)
    {
        var parts = new List<string>();
        if (terms.NetDays is { } net)
        {
            parts.Add($"net {net} days");
        }

        if (terms is { EarlyPaymentDiscountPercent: { } percent, EarlyPaymentDiscountDays: { } within })
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{percent:0.##} % discount within {within} days"));
        }

        return string.Join(", ", parts);
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Amount(long minor, string currency) => new Money(minor, Currency.Of(currency)).ToString();

    private static string Money(MoneyDto money) => money.ToMoney().ToString();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
