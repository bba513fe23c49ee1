using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.StripeDouble;

public sealed partial class StripeDouble
{
    private void MapPayPage(IEndpointRouteBuilder page)
    {
        page.MapGet("/pay/{id}", (string id) =>
        {
            JsonObject? session;
            lock (gate)
            {
                session = sessions.TryGetValue(id, out var found) ? (JsonObject)found.DeepClone() : null;
            }

            return session is null ? Results.NotFound() : Results.Content(Html(session), "text/html", Encoding.UTF8);
        });

        // The Pay button: completes the session, delivers the signed webhook, then returns the payer to success_url.
        page.MapPost("/pay/{id}", async (string id, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            string successUrl;
            lock (gate)
            {
                if (!sessions.TryGetValue(id, out var session) || (string?)session["status"] != "open")
                {
                    return Results.Content("<!doctype html><p id=\"error\">This checkout session is no longer open.</p>", "text/html", Encoding.UTF8, 409);
                }

                successUrl = ((string)session["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal);
            }

            await CompleteAsync(id, bankDebit: form["method"] == "bank_debit");
            return Results.Redirect(successUrl);
        });
    }

    /// <summary>The page speaks the session's locale, as Stripe's would; with none, or auto, it names no language.</summary>
    private static string Lang(JsonObject session) =>
        (string?)session["locale"] is { } locale && locale != "auto" ? $" lang=\"{WebUtility.HtmlEncode(locale)}\"" : string.Empty;

    private static string Html(JsonObject session)
    {
        var currency = ((string?)session["currency"] ?? string.Empty).ToUpperInvariant();
        var rows = new StringBuilder();
        foreach (var line in (JsonArray)session["line_items_for_page"]!)
        {
            var price = line!["price_data"]!;
            rows.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode((string?)price["product_data"]!["name"])}: {(string?)price["unit_amount"]} {currency} (minor units)</li>");
        }

        var open = (string?)session["status"] == "open";
        var id = WebUtility.HtmlEncode((string)session["id"]!);
        var buttons = open
            ? $"""
              <form method="post" action="/pay/{id}">
                <button id="pay" name="method" value="card" type="submit">Pay</button>
                {(OffersBankDebit(session) ? "<button id=\"pay-bank-debit\" name=\"method\" value=\"bank_debit\" type=\"submit\">Pay by bank debit</button>" : "")}
              </form>
              <a id="cancel" href="{WebUtility.HtmlEncode((string?)session["cancel_url"])}">Cancel</a>
              """
            : $"<p id=\"status\">This checkout session is {WebUtility.HtmlEncode((string?)session["status"])}.</p>";
        return $"""
            <!doctype html>
            <html{Lang(session)}><head><meta charset="utf-8"><title>Stripe test checkout</title></head>
            <body>
              <h1>Test checkout</h1>
              <p id="amount">{(long)session["amount_total"]!} {currency} (minor units)</p>
              <ul>{rows}</ul>
              {buttons}
            </body></html>
            """;
    }
}
