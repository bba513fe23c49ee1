using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Portal;

namespace Collections.Dunning.Domain;

internal sealed record MessageLine(ReceivableDto Item, long CollectibleMinor, long DisputedMinor, long PromisedMinor = 0, DateOnly? PromisedBy = null);

internal sealed record MessageInput(
    DebtorDto Debtor,
    ContactDto? Contact,
    IReadOnlyList<MessageLine> Lines,
    string NextStep,
    DateOnly NextStepDate,
    string SenderName,
    DateOnly Today);

internal sealed record ComposedMessage(string Subject, string Html, string Text);

/// <summary>
/// Fills a template's merge fields. Templates are staff-written HTML; every value that comes from a debtor or an ERP
/// (names, invoice and PO numbers) is HTML-escaped in the HTML rendering.
/// </summary>
internal static partial class MessageComposer
{
    /// <summary>A filled subject quotes names and numbers of any length; past this it is clipped, as its column holds no more.</summary>
    public const int SubjectLength = 500;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The merge fields a reminder or letter template may use.</summary>
    public static readonly string[] FieldNames =
        ["contactFirstName", "contactName", "debtorName", "relationship", "invoiceCount", "invoiceTable", "totalDue", "earlyPaymentSaving", "disputeNote",
         "portalLink", "nextStep", "nextStepDate", "senderName"];

    /// <summary>The merge fields a template uses, as written ({{ name }}).</summary>
    public static IEnumerable<string> FieldsUsedIn(string template) => Field().Matches(template).Select(m => m.Groups[1].Value);

    public static ComposedMessage Compose(string subjectTemplate, string bodyTemplate, MessageInput input) =>
        Render(subjectTemplate, bodyTemplate, Fields(input, escape: true), Fields(input, escape: false));

    /// <summary>Fills a template from its fields twice: HTML-escaped for the HTML body, plain for the subject and the text body.</summary>
    public static ComposedMessage Render(string subjectTemplate, string bodyTemplate, Dictionary<string, string> htmlFields, Dictionary<string, string> textFields)
    {
        var subject = Text.Clip(Fill(subjectTemplate, textFields).ReplaceLineEndings(" "), SubjectLength);
        var textTemplate = WebUtility.HtmlDecode(Tags().Replace(Breaks().Replace(bodyTemplate, "\n"), string.Empty));
        return new ComposedMessage(subject, Fill(bodyTemplate, htmlFields), Blank().Replace(Fill(textTemplate, textFields).Trim(), "\n\n"));
    }

    public static string FirstName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Sir or Madam" : name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    public static string Amount(long minor, string currency)
    {
        var money = new Money(minor, Currency.Of(currency));
        return money.Major.ToString("N" + money.Currency.Decimals, CultureInfo.InvariantCulture) + " " + currency;
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static Dictionary<string, string> Fields(MessageInput input, bool escape)
    {
        string E(string value) => escape ? WebUtility.HtmlEncode(value) : value;
        var total = string.Join(" and ", input.Lines.GroupBy(l => l.Item.Currency).Select(g => Amount(g.Sum(l => l.CollectibleMinor), g.Key)));
        var saving = input.Lines.Where(l => l.Item.EarlyPayment is { } e && e.PayBy >= input.Today && l.DisputedMinor == 0).ToList();
        var savingText = saving.Count == 0
            ? string.Empty
            : $" Paying by {Date(saving.Min(l => l.Item.EarlyPayment!.PayBy))} saves you "
              + string.Join(" and ", saving.GroupBy(l => l.Item.Currency).Select(g => Amount(g.Sum(l => l.Item.EarlyPayment!.DiscountMinor), g.Key)))
              + " under the early-payment terms.";
        var disputed = input.Lines.Where(l => l.DisputedMinor > 0).ToList();
        var disputeText = string.Join(" ", disputed.Select(l =>
            $"{Amount(l.DisputedMinor, l.Item.Currency)} of invoice {l.Item.Number} is under review in your dispute; we ask only for the undisputed {Amount(l.CollectibleMinor + l.PromisedMinor, l.Item.Currency)} while we resolve it.")
            .Concat(input.Lines.Where(l => l.PromisedMinor > 0).Select(l =>
                $"{Amount(l.PromisedMinor, l.Item.Currency)} of invoice {l.Item.Number} is covered by your promise to pay by {Date(l.PromisedBy!.Value)}; we ask only for the remaining {Amount(l.CollectibleMinor, l.Item.Currency)}.")));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["contactFirstName"] = E(FirstName(input.Contact?.Name)),
            ["contactName"] = E(input.Contact?.Name ?? "Accounts Payable"),
            ["debtorName"] = E(input.Debtor.Name),
            ["relationship"] = E(Relationship(input.Debtor.CreatedAt, input.Today)),
            ["invoiceCount"] = input.Lines.Count.ToString(CultureInfo.InvariantCulture),
            ["invoiceTable"] = escape ? HtmlTable(input.Lines) : TextTable(input.Lines),
            ["totalDue"] = total,
            ["earlyPaymentSaving"] = E(savingText),
            ["disputeNote"] = disputeText.Length == 0 ? string.Empty : escape ? $"<p>{E(disputeText)}</p>" : disputeText,
            ["portalLink"] = PortalLink(escape),
            ["nextStep"] = E(input.NextStep),
            ["nextStepDate"] = Date(input.NextStepDate),
            ["senderName"] = E(input.SenderName),
        };
    }

    /// <summary>The link's place (<see cref="PortalLinkSlot"/>): the link itself is minted when the message is sent.</summary>
    public static string PortalLink(bool html) => html ? $"<a href=\"{PortalLinkSlot.Marker}\">{PortalLinkSlot.Marker}</a>" : PortalLinkSlot.Marker;

    private static string Relationship(DateTimeOffset since, DateOnly today)
    {
        var years = today.Year - since.Year - (today.DayOfYear < since.DayOfYear ? 1 : 0);
        return years >= 1
            ? $"Thank you for the {(years == 1 ? "year" : $"{years} years")} we have worked together since {since.ToString("MMMM yyyy", English)}."
            : "Thank you for choosing to work with us.";
    }

    private static string HtmlTable(IReadOnlyList<MessageLine> lines)
    {
        var html = new StringBuilder("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><thead><tr><th>Invoice</th><th>PO</th><th>Due date</th><th>Amount due</th></tr></thead><tbody>");
        foreach (var line in lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(line.Item.Number)}</td><td>{WebUtility.HtmlEncode(line.Item.PoNumber ?? "-")}</td><td>{Date(line.Item.DueDate)}</td><td>{Amount(line.CollectibleMinor, line.Item.Currency)}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string TextTable(IReadOnlyList<MessageLine> lines) =>
        string.Join("\n", lines.Select(l => $"  - Invoice {l.Item.Number} (PO {l.Item.PoNumber ?? "-"}), due {Date(l.Item.DueDate)}: {Amount(l.CollectibleMinor, l.Item.Currency)}"));

    private static string Fill(string template, Dictionary<string, string> fields) =>
        Field().Replace(template, m => fields.TryGetValue(m.Groups[1].Value, out var value) ? value : string.Empty);

    [GeneratedRegex(@"\{\{\s*(\w+)\s*\}\}")]
    private static partial Regex Field();

    [GeneratedRegex(@"<br\s*/?>|</p>|</tr>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\n[ \t]*\n(\s*\n)+")]
    private static partial Regex Blank();
}
