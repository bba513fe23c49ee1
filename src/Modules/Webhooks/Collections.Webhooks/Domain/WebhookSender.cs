using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Collections.SharedKernel.Data;

namespace Collections.Webhooks.Domain;

internal sealed record SendResult(bool Delivered, int? StatusCode, string? Error);

/// <summary>
/// One delivery attempt: sign (Standard Webhooks), POST, judge. Short retries and timeouts come from the client's resilience
/// handler (see WebhooksModule); the long back-off is the dispatcher's. A failure is logged as a plain reason, never as
/// the socket's own message (which would tell an admin about the network behind Collections).
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, WebhookOptions options)
{
    public const string ClientName = "Collections.Webhooks";

    /// <param name="secrets">The endpoint's current secret, then the previous one while a rotation's overlap lasts.</param>
    public async Task<SendResult> SendAsync(
        string url, IReadOnlyList<string> secrets, string eventId, string eventType, string deliveryId, string body, CancellationToken ct)
    {
        DbSession.EnsureNoTransaction("A webhook delivery");
        if (!WebhookUrlRules.IsAllowed(url, options))
        {
            return new SendResult(false, null, "Refused: the endpoint's URL must be https (http only to loopback with Webhooks:AllowLoopbackHttp in development).");
        }

        // The receiver compares the timestamp with its own wall clock to refuse replays, so it is real time, not business time.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, eventId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Header(secrets, eventId, timestamp, body));
        request.Headers.TryAddWithoutValidation("Collections-Event-Type", eventType);
        request.Headers.TryAddWithoutValidation("Collections-Delivery-Id", deliveryId);
        request.Headers.UserAgent.ParseAdd("Collections-Webhooks/1.0");
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new SendResult(true, status, null)
                : new SendResult(false, status, $"The receiver answered {status}.");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new SendResult(false, null, ReasonFor(e));
        }
    }

    /// <summary>A fixed sentence per kind of failure; a refusal by the connect guard carries its own.</summary>
    internal static string ReasonFor(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case WebhookDestinationRefusedException refused:
                    return refused.Message;
                case AuthenticationException:
                    return "The TLS handshake with the endpoint failed (certificate not trusted, expired or for another host).";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "The endpoint refused the connection.";
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return "Connecting to the endpoint timed out.";
                case SocketException:
                    return "Could not connect to the endpoint.";
            }
        }

        return e switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "The endpoint's host could not be resolved.",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "The TLS handshake with the endpoint failed.",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "Could not connect to the endpoint.",
            HttpRequestException => "The connection to the endpoint failed before it answered.",
            _ => "The endpoint did not answer in time.",
        };
    }
}
