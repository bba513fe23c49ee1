using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collections.TwilioDouble;

/// <summary>
/// A local stand-in for the part of Twilio Collections uses: the Messages API (`POST /2010-04-01/Accounts/{Sid}/Messages.json`,
/// basic auth with the account SID and auth token, Twilio's JSON and error shapes), and the requests Twilio posts back —
/// status callbacks and incoming messages, form-encoded and signed as Twilio signs them. Point `Sms:Twilio:ApiBaseUrl` at
/// <see cref="ApiBase"/>.
/// </summary>
public sealed class TwilioDouble : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<SentSms> messages = [];
    private readonly Dictionary<string, (int Code, string Message)> refusals = new(StringComparer.Ordinal);

    private TwilioDouble(TwilioDoubleOptions options)
    {
        Options = options;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", (Func<HttpContext, string, Task<IResult>>)CreateMessage);
    }

    public TwilioDoubleOptions Options { get; }

    /// <summary>http://127.0.0.1:port — the value for Sms:Twilio:ApiBaseUrl.</summary>
    public string ApiBase { get; private set; } = string.Empty;

    /// <summary>The messages accepted so far, oldest first.</summary>
    public IReadOnlyList<SentSms> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    public static async Task<TwilioDouble> StartAsync(TwilioDoubleOptions? options = null)
    {
        var twilio = new TwilioDouble(options ?? new TwilioDoubleOptions());
        await twilio.app.StartAsync();
        twilio.ApiBase = twilio.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return twilio;
    }

    /// <summary>The next message to this number is refused with 400 and this Twilio error, as Twilio refuses an invalid or opted-out number.</summary>
    public void RefuseNextTo(string to, int code = 21211, string message = "The 'To' number is not a valid phone number.")
    {
        lock (gate)
        {
            refusals[to] = (code, message);
        }
    }

    /// <summary>Posts a status callback for a message to its StatusCallback URL, signed; returns what the receiver answered.</summary>
    public Task<HttpResponseMessage> ReportStatusAsync(string messageSid, string status, string? errorCode = null)
    {
        var sms = Messages.Single(m => m.Sid == messageSid);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = Options.AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["From"] = sms.From ?? string.Empty,
            ["MessageSid"] = sms.Sid,
            ["MessageStatus"] = status,
            ["SmsSid"] = sms.Sid,
            ["SmsStatus"] = status,
            ["To"] = sms.To,
        };
        if (errorCode is not null)
        {
            fields["ErrorCode"] = errorCode;
        }

        return PostSignedAsync(sms.StatusCallback ?? throw new InvalidOperationException($"{messageSid} was sent without a StatusCallback."), fields);
    }

    /// <summary>Posts an incoming text from a phone to the app's inbound webhook, signed, as Twilio delivers it.</summary>
    public Task<HttpResponseMessage> ReceiveAsync(Uri inboundUrl, string from, string body, string to = "+15005550006") =>
        PostSignedAsync(inboundUrl, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = Options.AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["Body"] = body,
            ["From"] = from,
            ["MessageSid"] = NewSid(),
            ["NumMedia"] = "0",
            ["SmsSid"] = NewSid(),
            ["To"] = to,
        });

    /// <summary>Posts form fields to a URL with the given X-Twilio-Signature (a forged one, say) instead of Twilio's.</summary>
    public async Task<HttpResponseMessage> PostAsync(Uri url, IReadOnlyDictionary<string, string> fields, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", signature);
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        return await (Options.WebhookClient ?? throw new InvalidOperationException("Set WebhookClient to reach the app.")).SendAsync(request);
    }

    /// <summary>
    /// Twilio's signature of a request it posts: the full URL, then every form field's name and value sorted by name, all
    /// concatenated, HMAC-SHA1 with the auth token, base64.
    /// </summary>
    public string Sign(Uri url, IReadOnlyDictionary<string, string> fields, string? authToken = null)
    {
        var data = new StringBuilder(url.ToString());
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken ?? Options.AuthToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostSignedAsync(Uri url, IReadOnlyDictionary<string, string> fields) => PostAsync(Absolute(url), fields, Sign(Absolute(url), fields));

    private Uri Absolute(Uri url) => url.IsAbsoluteUri ? url : new Uri(Options.WebhookClient!.BaseAddress!, url);

    private async Task<IResult> CreateMessage(HttpContext http, string accountSid)
    {
        if (!Authorized(http.Request.Headers.Authorization.ToString()) || accountSid != Options.AccountSid)
        {
            return Error(HttpStatusCode.Unauthorized, 20003, "Authentication Error - invalid username");
        }

        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        string? Field(string name) => form is not null && form.TryGetValue(name, out var value) ? value.ToString() : null;
        var (to, from, service, body) = (Field("To"), Field("From"), Field("MessagingServiceSid"), Field("Body"));
        if (string.IsNullOrEmpty(to))
        {
            return Error(HttpStatusCode.BadRequest, 21604, "A 'To' phone number is required.");
        }

        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(service))
        {
            return Error(HttpStatusCode.BadRequest, 21603, "A 'From' phone number is required.");
        }

        if (string.IsNullOrEmpty(body))
        {
            return Error(HttpStatusCode.BadRequest, 21602, "Message body is required.");
        }

        lock (gate)
        {
            if (refusals.Remove(to, out var refusal))
            {
                return Error(HttpStatusCode.BadRequest, refusal.Code, refusal.Message);
            }
        }

        var callback = Field("StatusCallback");
        var sms = new SentSms(NewSid(), to, from, service, body, callback is null ? null : new Uri(callback), Options.Clock());
        lock (gate)
        {
            messages.Add(sms);
        }

        return Results.Json(new Dictionary<string, object?>
        {
            ["account_sid"] = Options.AccountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = body,
            ["date_created"] = sms.CreatedAt.ToString("r", CultureInfo.InvariantCulture),
            ["date_sent"] = null,
            ["date_updated"] = sms.CreatedAt.ToString("r", CultureInfo.InvariantCulture),
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = from,
            ["messaging_service_sid"] = service,
            ["num_media"] = "0",
            ["num_segments"] = ((body.Length + 152) / 153).ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = sms.Sid,
            ["status"] = string.IsNullOrEmpty(from) ? "accepted" : "queued",
            ["to"] = to,
            ["uri"] = $"/2010-04-01/Accounts/{Options.AccountSid}/Messages/{sms.Sid}.json",
        }, statusCode: StatusCodes.Status201Created);
    }

    private bool Authorized(string header) =>
        header == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.AccountSid}:{Options.AuthToken}"));

    private static IResult Error(HttpStatusCode status, int code, string message) =>
        Results.Json(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status = (int)status }, statusCode: (int)status);

    private static string NewSid() => "SM" + Guid.NewGuid().ToString("N");
}

public sealed class TwilioDoubleOptions
{
    public string AccountSid { get; set; } = "AC" + new string('0', 31) + "1";

    public string AuthToken { get; set; } = "twilio_double_auth_token";

    /// <summary>The client that posts callbacks and incoming texts to the app (an in-memory test server's client).</summary>
    public HttpClient? WebhookClient { get; set; }

    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;
}

/// <summary>One message the double accepted, as it was asked to send it.</summary>
public sealed record SentSms(string Sid, string To, string? From, string? MessagingServiceSid, string Body, Uri? StatusCallback, DateTimeOffset CreatedAt);
