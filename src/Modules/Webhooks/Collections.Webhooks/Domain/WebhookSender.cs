using System.Text;

namespace Collections.Webhooks.Domain;

internal sealed record SendResult(bool Delivered, int? StatusCode, string? Error);

/// <summary>
/// One delivery attempt: sign, POST, judge. Short retries and timeouts come from the client's resilience handler
/// (see WebhooksModule); the long back-off is the dispatcher's.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time)
{
    public const string ClientName = "Collections.Webhooks";

    public async Task<SendResult> SendAsync(string url, string secret, string eventId, string eventType, string deliveryId, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Create(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.TryAddWithoutValidation("Collections-Event-Id", eventId);
        request.Headers.TryAddWithoutValidation("Collections-Event-Type", eventType);
        request.Headers.TryAddWithoutValidation("Collections-Delivery-Id", deliveryId);
        request.Headers.UserAgent.ParseAdd("Collections-Webhooks/1.0");
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new SendResult(true, status, null)
                : new SendResult(false, status, $"The receiver answered {status} {response.ReasonPhrase}.");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new SendResult(false, null, Truncate(e.Message));
        }
    }

    private static string Truncate(string message) => message.Length <= 900 ? message : message[..900];
}
