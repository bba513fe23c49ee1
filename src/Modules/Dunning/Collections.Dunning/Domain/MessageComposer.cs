using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Collections.Dunning.Domain.Languages;
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
    DateOnly Today,
    Voice Voice);

internal sealed record ComposedMessage(string Subject, string Html, string Text);

/// <summary>
/// Fills a template's merge fields in the recipient's language and culture. Templates are staff-written HTML; every
/// value that comes from a debtor or an ERP (names, invoice and PO numbers) is HTML-escaped in the HTML rendering.
/// </summary>
internal static partial class MessageComposer
{
    /// <summary>A filled subject quotes names and numbers of any length; past this it is clipped, as its column holds no more.</summary>
    public const int SubjectLength = 500;

    /// <summary>The merge fields a reminder or letter template may use.</summary>
    public static readonly string[] FieldNames =
        ["salutation", "contactFirstName", "contactName", "debtorName", "relationship", "invoiceCount", "invoiceTable", "totalDue", "earlyPaymentSaving", "disputeNote",
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
        string.IsNullOrWhiteSpace(name) ? string.Empty : name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    /// <summary>The greeting line: by name when the contact has one, else the language's customary greeting.</summary>
    public static string Salutation(string? name, Voice voice) => string.IsNullOrWhiteSpace(name)
        ? voice.Say("salutation.unnamed")
        : voice.Say("salutation.named", ("firstName", FirstName(name)), ("fullName", name.Trim()));

    /// <summary>An amount as staff read it in activity, tasks and case files: "1,234.56 EUR", whatever the debtor's language.</summary>
    public static string Amount(long minor, string currency)
    {
        var money = new Money(minor, Currency.Of(currency));
        return money.Major.ToString("N" + money.Currency.Decimals, CultureInfo.InvariantCulture) + " " + currency;
    }

    /// <summary>A date as staff read it: "4 February 2026".</summary>
    public static string Date(DateOnly date) => Voice.English.Date(date);

    private static Dictionary<string, string> Fields(MessageInput input, bool escape)
    {
        string E(string value) => escape ? WebUtility.HtmlEncode(value) : value;
        var voice = input.Voice;
        var total = voice.Join(input.Lines.GroupBy(l => l.Item.Currency).Select(g => voice.Amount(g.Sum(l => l.CollectibleMinor), g.Key)));
        var saving = input.Lines.Where(l => l.Item.EarlyPayment is { } e && e.PayBy >= input.Today && l.DisputedMinor == 0).ToList();
        var savingText = saving.Count == 0
            ? string.Empty
            : voice.Say("saving", ("payBy", voice.Date(saving.Min(l => l.Item.EarlyPayment!.PayBy))),
                ("saving", voice.Join(saving.GroupBy(l => l.Item.Currency).Select(g => voice.Amount(g.Sum(l => l.Item.EarlyPayment!.DiscountMinor), g.Key)))));
        var disputeText = string.Join(" ", input.Lines.Where(l => l.DisputedMinor > 0).Select(l => voice.Say("note.disputed",
                ("disputed", voice.Amount(l.DisputedMinor, l.Item.Currency)), ("number", l.Item.Number),
                ("undisputed", voice.Amount(l.CollectibleMinor + l.PromisedMinor, l.Item.Currency))))
            .Concat(input.Lines.Where(l => l.PromisedMinor > 0).Select(l => voice.Say("note.promised",
                ("promised", voice.Amount(l.PromisedMinor, l.Item.Currency)), ("number", l.Item.Number),
                ("promisedBy", voice.Date(l.PromisedBy!.Value)), ("remaining", voice.Amount(l.CollectibleMinor, l.Item.Currency))))));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["salutation"] = E(Salutation(input.Contact?.Name, voice)),
            ["contactFirstName"] = E(FirstNameOrSirOrMadam(input.Contact?.Name)),
            ["contactName"] = E(input.Contact?.Name ?? voice.Say("contact.unnamed")),
            ["debtorName"] = E(input.Debtor.Name),
            ["relationship"] = E(Relationship(input.Debtor.CreatedAt, input.Today, voice)),
            ["invoiceCount"] = input.Lines.Count.ToString(voice.Culture),
            ["invoiceTable"] = escape ? HtmlTable(input.Lines, voice) : TextTable(input.Lines, voice),
            ["totalDue"] = total,
            ["earlyPaymentSaving"] = E(savingText),
            ["disputeNote"] = disputeText.Length == 0 ? string.Empty : escape ? $"<p>{E(disputeText)}</p>" : disputeText + "\n",
            ["portalLink"] = PortalLink(escape),
            ["nextStep"] = E(input.NextStep),
            ["nextStepDate"] = voice.Date(input.NextStepDate),
            ["senderName"] = E(input.SenderName),
        };
    }

    /// <summary>
    /// {{contactFirstName}} as English templates written before {{salutation}} existed use it ("Dear
    /// {{contactFirstName}},"): the first name, or "Sir or Madam".
    /// </summary>
    public static string FirstNameOrSirOrMadam(string? name) => string.IsNullOrWhiteSpace(name) ? "Sir or Madam" : FirstName(name);

    /// <summary>The link's place (<see cref="PortalLinkSlot"/>): the link itself is minted when the message is sent.</summary>
    public static string PortalLink(bool html) => html ? $"<a href=\"{PortalLinkSlot.Marker}\">{PortalLinkSlot.Marker}</a>" : PortalLinkSlot.Marker;

    private static string Relationship(DateTimeOffset since, DateOnly today, Voice voice)
    {
        var years = today.Year - since.Year - (today.DayOfYear < since.DayOfYear ? 1 : 0);
        return years switch
        {
            < 1 => voice.Say("relationship.new"),
            1 => voice.Say("relationship.year", ("since", voice.MonthAndYear(since))),
            _ => voice.Say("relationship.years", ("years", years), ("since", voice.MonthAndYear(since))),
        };
    }

    private static string HtmlTable(IReadOnlyList<MessageLine> lines, Voice voice)
    {
        string Header(string phrase) => $"<th>{WebUtility.HtmlEncode(voice.Say(phrase))}</th>";
        var html = new StringBuilder("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><thead><tr>")
            .Append(Header("table.invoice")).Append(Header("table.po")).Append(Header("table.dueDate")).Append(Header("table.amountDue"))
            .Append("</tr></thead><tbody>");
        foreach (var line in lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(line.Item.Number)}</td><td>{WebUtility.HtmlEncode(line.Item.PoNumber ?? "-")}</td><td>{voice.Date(line.Item.DueDate)}</td><td>{voice.Amount(line.CollectibleMinor, line.Item.Currency)}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string TextTable(IReadOnlyList<MessageLine> lines, Voice voice) =>
        string.Join("\n", lines.Select(l => "  - " + voice.Say("table.line", ("number", l.Item.Number), ("po", l.Item.PoNumber ?? "-"),
            ("dueDate", voice.Date(l.Item.DueDate)), ("amount", voice.Amount(l.CollectibleMinor, l.Item.Currency)))));

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
