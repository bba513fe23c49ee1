using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.StripeDouble;

public sealed partial class StripeDouble
{
    private static readonly string[] BankDebits = ["us_bank_account", "sepa_debit"];

    /// <summary>The values Stripe accepts for a Checkout Session's locale (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale).</summary>
    public static readonly IReadOnlyList<string> Locales =
    [
        "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko",
        "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
    ];

    private void MapApi(IEndpointRouteBuilder api)
    {
        api.MapPost("/v1/checkout/sessions", (Func<HttpContext, Task<IResult>>)(http => Call(http, CreateSession)));
        api.MapGet("/v1/checkout/sessions", (Func<HttpContext, Task<IResult>>)(http => Call(http, ListSessions)));
        api.MapGet("/v1/checkout/sessions/{id}", (HttpContext http, string id) => Call(http, _ => Retrieve(sessions, id, "checkout.session")));
        api.MapPost("/v1/checkout/sessions/{id}/expire", (HttpContext http, string id) => Call(http, _ => ExpireViaApi(id)));
        api.MapPost("/v1/refunds", (Func<HttpContext, Task<IResult>>)(http => Call(http, CreateRefund)));
        api.MapGet("/v1/refunds/{id}", (HttpContext http, string id) => Call(http, _ => Retrieve(refunds, id, "refund")));
    }

    private async Task<IResult> Call(HttpContext http, Func<JsonObject, (HttpStatusCode Status, JsonNode Body)> action)
    {
        if (http.Request.Headers.Authorization.ToString() != $"Bearer {Options.SecretKey}")
        {
            return StripeError(HttpStatusCode.Unauthorized, "invalid_request_error", "Invalid API Key provided.");
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        var fields = (form?.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty)))
            ?? http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty)))).ToList();
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        requests.Enqueue(new ApiRequest(http.Request.Method, http.Request.Path, key.Length > 0 ? key : null, FormTree.Parse(fields)));
        if (Interlocked.Decrement(ref droppedRequests) >= 0)
        {
            // The request never reaches Stripe: nothing is carried out, and the caller hears nothing back.
            http.Abort();
            return Results.Empty;
        }

        Interlocked.Exchange(ref droppedRequests, 0);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(http.Request.Path + "?" + string.Join('&', fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")))));
        (HttpStatusCode Status, string Body) result;
        lock (gate)
        {
            ExpireDueSessions();
            if (HttpMethods.IsPost(http.Request.Method) && key.Length > 0 && idempotency.TryGetValue(key, out var earlier))
            {
                if (earlier.Hash != hash)
                {
                    return StripeError(HttpStatusCode.BadRequest, "idempotency_error",
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}'.");
                }

                http.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Content(earlier.Body, "application/json", Encoding.UTF8, earlier.Status);
            }

            (HttpStatusCode status, JsonNode body) outcome;
            try
            {
                outcome = action(FormTree.Parse(fields));
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or OverflowException or KeyNotFoundException)
            {
                outcome = (HttpStatusCode.InternalServerError, new JsonObject { ["error"] = new JsonObject { ["type"] = "api_error", ["message"] = exception.Message } });
            }

            var (status, body) = outcome;
            result = (status, body.ToJsonString());
            if (HttpMethods.IsPost(http.Request.Method) && key.Length > 0)
            {
                idempotency[key] = (hash, (int)status, result.Body);
            }
        }

        if (Interlocked.Decrement(ref lostResponses) >= 0)
        {
            // The request was carried out (and its result kept under its key); the caller just never hears back.
            http.Abort();
            return Results.Empty;
        }

        Interlocked.Exchange(ref lostResponses, 0);
        return Results.Content(result.Body, "application/json", Encoding.UTF8, (int)result.Status);
    }

    private (HttpStatusCode, JsonNode) CreateSession(JsonObject form)
    {
        if ((string?)form["mode"] != "payment")
        {
            return Invalid("mode", "This double supports mode=payment only.");
        }

        if (form["success_url"] is null)
        {
            return Invalid("success_url", "Missing required param: success_url.");
        }

        if (form["line_items"] is not JsonArray lines || lines.Count == 0)
        {
            return Invalid("line_items", "Missing required param: line_items.");
        }

        long total = 0;
        string? currency = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var price = lines[i]?["price_data"];
            if (price?["currency"] is null || !long.TryParse((string?)price["unit_amount"], out var unit) || unit < 1 || price["product_data"]?["name"] is null
                || !long.TryParse((string?)lines[i]!["quantity"], out var quantity) || quantity < 1)
            {
                return Invalid($"line_items[{i}]", "Each line item needs price_data[currency], price_data[unit_amount] >= 1, price_data[product_data][name] and quantity >= 1.");
            }

            if (currency is not null && currency != (string?)price["currency"])
            {
                return Invalid($"line_items[{i}][price_data][currency]", "All line items must use the same currency.");
            }

            currency = (string?)price["currency"];
            if (AmountRule(currency!, unit) is { } broken)
            {
                return Invalid($"line_items[{i}][price_data][unit_amount]", broken);
            }

            total += unit * quantity;
        }

        var locale = (string?)form["locale"];
        if (locale is not null && !Locales.Contains(locale, StringComparer.Ordinal))
        {
            return Invalid("locale", $"Invalid locale: must be one of {string.Join(", ", Locales)}.");
        }

        var methods = form["allowed_payment_method_types"] as JsonArray ?? new JsonArray("card");
        var id = NewId("cs");
        var now = Options.Clock().ToUnixTimeSeconds();
        var session = new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = total,
            ["amount_total"] = total,
            ["cancel_url"] = form["cancel_url"]?.DeepClone(),
            ["client_reference_id"] = form["client_reference_id"]?.DeepClone(),
            ["created"] = now,
            ["currency"] = currency,
            ["expires_at"] = now + (24 * 3600),
            ["livemode"] = false,
            ["locale"] = locale,
            ["metadata"] = form["metadata"]?.DeepClone() ?? new JsonObject(),
            ["mode"] = "payment",
            ["payment_intent"] = null,
            ["payment_method_types"] = methods.DeepClone(),
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = form["success_url"]!.DeepClone(),
            ["url"] = $"{ApiBase}/pay/{id}",
            ["line_items_for_page"] = lines.DeepClone(),
        };
        sessions[id] = session;
        return (HttpStatusCode.OK, Public(session));
    }

    /// <summary>
    /// GET /v1/checkout/sessions as Stripe lists them: newest first, filtered by created[gt|gte|lt|lte], paged by limit
    /// (at most 100) and starting_after. Stripe offers no filter by metadata, so callers look through a time window.
    /// </summary>
    private (HttpStatusCode, JsonNode) ListSessions(JsonObject query)
    {
        long? Bound(string op) => query["created"]?[op] is JsonValue v && long.TryParse((string?)v, CultureInfo.InvariantCulture, out var at) ? at : null;
        var limit = query["limit"] is JsonValue l && int.TryParse((string?)l, CultureInfo.InvariantCulture, out var n) ? n : 10;
        if (limit is < 1 or > 100)
        {
            return Invalid("limit", "This value must be between 1 and 100.");
        }

        var matching = sessions.Values
            .Where(s => (long)s["created"]! is var created
                && (Bound("gt") is not { } gt || created > gt) && (Bound("gte") is not { } gte || created >= gte)
                && (Bound("lt") is not { } lt || created < lt) && (Bound("lte") is not { } lte || created <= lte))
            .OrderByDescending(s => (long)s["created"]!).ThenByDescending(s => (string)s["id"]!, StringComparer.Ordinal)
            .ToList();
        if ((string?)query["starting_after"] is { } after)
        {
            var index = matching.FindIndex(s => (string)s["id"]! == after);
            if (index < 0)
            {
                return Invalid("starting_after", $"No such checkout.session: '{after}'");
            }

            matching = matching.Skip(index + 1).ToList();
        }

        var page = new JsonArray([.. matching.Take(limit).Select(s => (JsonNode)Public(s))]);
        return (HttpStatusCode.OK, new JsonObject { ["object"] = "list", ["data"] = page, ["has_more"] = matching.Count > limit, ["url"] = "/v1/checkout/sessions" });
    }

    /// <summary>Stripe expires an open session at its expires_at; the double does it when next asked (and, like a lost event, sends nothing).</summary>
    private void ExpireDueSessions()
    {
        var now = Options.Clock().ToUnixTimeSeconds();
        foreach (var session in sessions.Values.Where(s => (string?)s["status"] == "open" && (long)s["expires_at"]! <= now))
        {
            session["status"] = "expired";
        }
    }

    private (HttpStatusCode, JsonNode) ExpireViaApi(string id)
    {
        if (!sessions.TryGetValue(id, out var session))
        {
            return Missing("checkout.session", id);
        }

        if ((string?)session["status"] != "open")
        {
            return Invalid(null, $"Only Checkout Sessions with a status of 'open' can be expired; this one is '{(string?)session["status"]}'.");
        }

        session["status"] = "expired";
        var snapshot = Public(session);
        InBackground(() => DeliverAsync("checkout.session.expired", snapshot));
        return (HttpStatusCode.OK, snapshot.DeepClone());
    }

    private (HttpStatusCode, JsonNode) CreateRefund(JsonObject form)
    {
        var intent = (string?)form["payment_intent"] ?? charges.Values.FirstOrDefault(c => (string?)c["id"] == (string?)form["charge"])?["payment_intent"]?.GetValue<string>();
        if (intent is null || !charges.TryGetValue(intent, out var charge))
        {
            return Invalid("payment_intent", "No such payment_intent or charge.");
        }

        if ((bool?)charge["paid"] != true)
        {
            return Invalid("payment_intent", "This PaymentIntent has no successful charge to refund.");
        }

        var amount = (long)charge["amount"]!;
        var refunded = (long)charge["amount_refunded"]!;
        var requested = form["amount"] is null ? amount - refunded : long.Parse((string)form["amount"]!, System.Globalization.CultureInfo.InvariantCulture);
        if (AmountRule((string)charge["currency"]!, requested) is { } brokenRule)
        {
            return Invalid("amount", brokenRule);
        }

        if (requested < 1 || requested > amount - refunded)
        {
            return Invalid("amount", $"Refund amount ({requested}) is greater than unrefunded amount on charge ({amount - refunded}).");
        }

        var refund = Refund(charge, requested, form["metadata"]?.DeepClone() as JsonObject, (string?)form["reason"]);
        var events = RefundEvents(charge, refund);
        InBackground(() => DeliverAllAsync(events));
        return (HttpStatusCode.OK, refund.DeepClone());
    }

    /// <summary>
    /// A refund of the charge, as Stripe makes it: succeeded at once (a card), or pending when <see cref="StripeDoubleOptions.RefundsStartPending"/>
    /// (a bank debit) until <see cref="SettleRefundAsync"/>; either way it counts in the charge's amount_refunded and refunds list.
    /// </summary>
    private JsonObject Refund(JsonObject charge, long amount, JsonObject? metadata, string? reason)
    {
        var refunded = (long)charge["amount_refunded"]! + amount;
        charge["amount_refunded"] = refunded;
        charge["refunded"] = refunded == (long)charge["amount"]!;
        var refund = new JsonObject
        {
            ["id"] = NewId("re"),
            ["object"] = "refund",
            ["amount"] = amount,
            ["charge"] = (string?)charge["id"],
            ["created"] = Options.Clock().ToUnixTimeSeconds(),
            ["currency"] = (string?)charge["currency"],
            ["failure_reason"] = null,
            ["metadata"] = metadata ?? new JsonObject(),
            ["payment_intent"] = (string?)charge["payment_intent"],
            ["reason"] = reason,
            ["status"] = Options.RefundsStartPending ? "pending" : "succeeded",
        };
        refunds[(string)refund["id"]!] = refund;
        return refund;
    }

    /// <summary>What Stripe sends for a new refund: refund.created with the refund, and charge.refunded with the charge and its refunds list.</summary>
    private List<(string Type, JsonObject Object)> RefundEvents(JsonObject charge, JsonObject refund) =>
        [("refund.created", (JsonObject)refund.DeepClone()), ("charge.refunded", ChargeWithRefunds(charge))];

    private JsonObject ChargeWithRefunds(JsonObject charge)
    {
        var snapshot = (JsonObject)charge.DeepClone();
        var listed = refunds.Values.Where(r => (string?)r["charge"] == (string?)charge["id"]).OrderByDescending(r => (long)r["created"]!).ThenByDescending(r => (string)r["id"]!, StringComparer.Ordinal)
            .Select(r => (JsonNode)r.DeepClone()).ToList();
        snapshot["refunds"] = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. listed]),
            ["has_more"] = false,
            ["total_count"] = listed.Count,
            ["url"] = $"/v1/charges/{(string?)charge["id"]}/refunds",
        };
        return snapshot;
    }

    private async Task DeliverAllAsync(IEnumerable<(string Type, JsonObject Object)> events)
    {
        foreach (var (type, obj) in events)
        {
            await DeliverAsync(type, obj);
        }
    }

    private static (HttpStatusCode, JsonNode) Retrieve(Dictionary<string, JsonObject> store, string id, string kind) =>
        store.TryGetValue(id, out var found) ? (HttpStatusCode.OK, Public(found)) : Missing(kind, id);

    private static JsonObject Public(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("line_items_for_page");
        return copy;
    }

    private static (HttpStatusCode, JsonNode) Invalid(string? param, string message) =>
        (HttpStatusCode.BadRequest, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["message"] = message, ["param"] = param } });

    private static (HttpStatusCode, JsonNode) Missing(string kind, string id) =>
        (HttpStatusCode.NotFound, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = "resource_missing", ["message"] = $"No such {kind}: '{id}'" } });

    private static bool OffersBankDebit(JsonObject session) =>
        session["payment_method_types"] is JsonArray types && types.Any(t => BankDebits.Contains((string?)t));

    /// <summary>Stripe's amount rules (https://docs.stripe.com/currencies): ISK with two decimals that are 00, three-decimal currencies in tens.</summary>
    private static string? AmountRule(string currency, long amount) => currency switch
    {
        "isk" when amount % 100 != 0 => "ISK amounts must be given with two decimals, and the decimals must be 00.",
        "bhd" or "jod" or "kwd" or "omr" or "tnd" when amount % 10 != 0 => $"{currency.ToUpperInvariant()} amounts must be a multiple of 10.",
        _ => null,
    };
}
