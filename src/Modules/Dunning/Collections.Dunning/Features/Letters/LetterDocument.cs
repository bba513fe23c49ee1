using System.Globalization;
using System.Net;
using Collections.Dunning.Domain;

namespace Collections.Dunning.Features.Letters;

/// <summary>
/// A letter's stored HTML as a printable page. The body is stored as a fragment (the template filled with merge fields
/// that were HTML-escaped at render time) and is placed as it is; a template written as a whole document is served unwrapped.
/// The page runs no script at all: its CSP allows nothing but the one style element below, by hash. Above the date stands
/// the recipient's address block, every line HTML-escaped.
/// </summary>
internal static class LetterDocument
{
    public const string Style =
        "@page{size:A4;margin:25mm 20mm}body{font:11pt/1.45 Georgia,'Times New Roman',serif;color:#000;background:#fff;margin:0 auto;max-width:170mm}"
        + "h1{font-size:13pt;margin:0 0 1em}.date{text-align:right}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:2pt 4pt}"
        + "a{color:#000}@media print{a{text-decoration:none}}address{font-style:normal;margin:0 0 2em}";

    public static readonly string ContentSecurityPolicy = PrintablePage.ContentSecurityPolicy(Style);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsWholeDocument(string html)
    {
        var start = html.AsSpan().TrimStart();
        return start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <param name="addressBlock">The recipient's name and address lines (<see cref="PostalRecipient.Lines"/>), or null for none.</param>
    public static string Render(MessageRow letter, IReadOnlyList<string>? addressBlock)
    {
        if (IsWholeDocument(letter.BodyHtml))
        {
            return letter.BodyHtml;
        }

        // Subject is plain text (filled with unescaped values for e-mail headers), so it is escaped here.
        var subject = WebUtility.HtmlEncode(letter.Subject);
        var date = letter.CreatedAt.UtcDateTime.ToString("d MMMM yyyy", English);
        var address = addressBlock is null ? "" : $"<address class=\"recipient\">{string.Join("<br>", addressBlock.Select(WebUtility.HtmlEncode))}</address>";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{subject}</title>
            <style>{Style}</style>
            </head>
            <body>
            {address}
            <p class="date">{date}</p>
            <h1>{subject}</h1>
            {letter.BodyHtml}
            </body>
            </html>
            """;
    }
}
