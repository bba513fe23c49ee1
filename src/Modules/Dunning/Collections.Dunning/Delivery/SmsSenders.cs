using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Microsoft.Extensions.Configuration;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Collections.Dunning.Delivery;

/// <summary>The `Sms:Twilio` configuration section. Without AccountSid, AuthToken and From or MessagingServiceSid, SMS is not configured.</summary>
internal sealed class SmsOptions
{
    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The Twilio number (E.164) or alphanumeric sender the texts come from; or use MessagingServiceSid.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary>Where Twilio reports delivery (this host's /api/v1/sms/twilio/status as the internet reaches it); also the URL its signature covers.</summary>
    public string? StatusCallbackUrl { get; set; }

    /// <summary>This host's /api/v1/sms/twilio/inbound as configured in Twilio, when a proxy makes the request's own URL differ from it.</summary>
    public string? InboundUrl { get; set; }

    /// <summary>Twilio's REST API; tests point it at a local double.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken)
        && (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid));

    public static SmsOptions Read(IConfiguration configuration) => configuration.GetSection("Sms:Twilio").Get<SmsOptions>() ?? new SmsOptions();
}

internal sealed record OutgoingSms(string MessageId, string To, string Body);

/// <summary>Twilio took the message: its SID (SM…) and status (queued, or accepted for a messaging service).</summary>
internal sealed record SmsAccepted(string ProviderMessageId, string Status);

internal interface ISmsSender
{
    bool IsConfigured { get; }

    Task<SmsAccepted> SendAsync(OutgoingSms sms, CancellationToken ct);
}

/// <summary>Twilio refused the message itself (a bad number, a number that opted out): sending it again would be refused again.</summary>
internal sealed class SmsRefusedException(string message) : Exception(message);

/// <summary>Sends through Twilio's Messages API with the official library (`Sms:Twilio:AccountSid`, `AuthToken`, `From` or `MessagingServiceSid`).</summary>
internal sealed class TwilioSmsSender : ISmsSender, IDisposable
{
    private readonly SmsOptions options;
    private readonly System.Net.Http.HttpClient http;
    private readonly TwilioRestClient? client;

    public TwilioSmsSender(SmsOptions options, Domain.DunningOptions dunning)
    {
        this.options = options;
        http = new System.Net.Http.HttpClient { Timeout = dunning.SendTimeout };
        // An instance of its own rather than TwilioClient.Init: the library's static client is one per process.
        client = options.IsConfigured
            ? new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new ApiBaseHttpClient(new SystemNetHttpClient(http), new Uri(options.ApiBaseUrl)))
            : null;
    }

    public bool IsConfigured => client is not null;

    public async Task<SmsAccepted> SendAsync(OutgoingSms sms, CancellationToken ct)
    {
        DbSession.EnsureNoTransaction("Twilio");
        var twilio = client ?? throw new NotConfiguredException("SMS is not configured (Sms:Twilio:AccountSid, AuthToken, From or MessagingServiceSid).");
        var create = new CreateMessageOptions(new PhoneNumber(sms.To))
        {
            Body = sms.Body,
            StatusCallback = string.IsNullOrWhiteSpace(options.StatusCallbackUrl) ? null : new Uri(options.StatusCallbackUrl),
        };
        if (string.IsNullOrWhiteSpace(options.MessagingServiceSid))
        {
            create.From = new PhoneNumber(options.From);
        }
        else
        {
            create.MessagingServiceSid = options.MessagingServiceSid;
        }

        try
        {
            // The library takes no cancellation token: the HTTP client's timeout ends the call, and the wait ends with ct.
            var message = await MessageResource.CreateAsync(create, twilio).WaitAsync(ct);
            return new SmsAccepted(message.Sid, message.Status?.ToString() ?? "queued");
        }
        catch (ApiException refused) when (refused.Status is >= 400 and < 500 and not (401 or 403 or 429))
        {
            // 401/403 (credentials) and 429 (rate) are the account's state, not the message's: those are retried.
            throw new SmsRefusedException($"Twilio refused the SMS (error {refused.Code}): {refused.Message}");
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>Sends the library's requests to another API address (a local Twilio double in tests), path and all kept.</summary>
    private sealed class ApiBaseHttpClient(Twilio.Http.HttpClient inner, Uri apiBase) : Twilio.Http.HttpClient
    {
        public override Response MakeRequest(Request request) => inner.MakeRequest(Rebased(request));

        public override Task<Response> MakeRequestAsync(Request request) => inner.MakeRequestAsync(Rebased(request));

        private Request Rebased(Request request)
        {
            var url = request.ConstructUrl();
            if (url.Host == apiBase.Host && url.Scheme == apiBase.Scheme && url.Port == apiBase.Port)
            {
                return request;
            }

            var rebased = new Request(request.Method, new Uri(apiBase, url.PathAndQuery).ToString())
            {
                ContentType = request.ContentType,
                Body = request.Body,
                UserAgentExtensions = request.UserAgentExtensions,
            };
            rebased.SetAuth(request.Username, request.Password);
            rebased.PostParams.AddRange(request.PostParams);
            rebased.HeaderParams.AddRange(request.HeaderParams);
            return rebased;
        }
    }
}
