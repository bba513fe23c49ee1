using Collections.Dunning.Delivery;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Security;

namespace Collections.Dunning.Features.Sms;

/// <summary>
/// A request Twilio posts (form-encoded, as Twilio sends inbound messages and status callbacks), accepted only with a valid
/// X-Twilio-Signature: Twilio's HMAC-SHA1, with the account's auth token, of the URL it posted to and the sorted form fields,
/// checked by the library's <see cref="RequestValidator"/>. A bad or missing signature is 403 and changes nothing.
/// </summary>
internal static class TwilioRequests
{
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <param name="signedUrl">The URL Twilio was told to post to, when a proxy makes this request's own URL differ from it.</param>
    public static async Task<IReadOnlyDictionary<string, string>> ReadSignedFormAsync(HttpContext http, SmsOptions options, string? signedUrl, CancellationToken ct)
    {
        if (!options.IsConfigured)
        {
            throw new NotConfiguredException("SMS is not configured (Sms:Twilio:AccountSid, AuthToken, From or MessagingServiceSid).");
        }

        if (!http.Request.HasFormContentType)
        {
            throw new ValidationException([new ValidationFailure("body", "Twilio posts application/x-www-form-urlencoded; this request is not a form.")]);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException malformed)
        {
            throw new ValidationException([new ValidationFailure("body", $"The form could not be read: {malformed.Message}")]);
        }

        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var url = string.IsNullOrWhiteSpace(signedUrl) ? http.Request.GetEncodedUrl() : signedUrl;
        if (!IsSignedByTwilio(options.AuthToken!, url, fields, http.Request.Headers[SignatureHeader].ToString()))
        {
            throw new ForbiddenException($"The {SignatureHeader} header is missing or does not match this request: it did not come from Twilio.");
        }

        // The signature is Twilio's credential: from here the request acts as the system.
        http.RequestServices.GetRequiredService<CallerContext>().Current = Caller.System;
        return fields;
    }

    private static bool IsSignedByTwilio(string authToken, string url, Dictionary<string, string> fields, string signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        try
        {
            return new RequestValidator(authToken).Validate(url, fields, signature);
        }
        catch (Exception malformed) when (malformed is FormatException or UriFormatException or ArgumentException)
        {
            return false;
        }
    }
}
