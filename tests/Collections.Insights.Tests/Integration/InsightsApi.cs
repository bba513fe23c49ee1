using System.Net;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.Testing;

namespace Collections.Insights.Tests.Integration;

/// <summary>Puts facts in as the other modules would (debtors and invoices go in through the API with TestData).</summary>
internal static class InsightsApi
{
    /// <summary>Applies a payment to an invoice through Invoicing (as Payments does), then tells the read model it succeeded.</summary>
    public static async Task Pay(this CollectionsApp app, string debtorId, string invoiceId, long minor, string currency, DateOnly receivedOn, string? paymentId = null)
    {
        paymentId ??= "pay_" + Guid.NewGuid().ToString("N")[..12];
        await app.Send(new ApplyAllocationCommand(invoiceId, minor, currency, "payment", paymentId, receivedOn));
        await app.Publish(new Payments.Contracts.PaymentSucceeded(paymentId, debtorId, minor, currency, "bank_transfer", receivedOn,
            [new Payments.Contracts.PaymentAllocationDto(invoiceId, minor, 0)], 0, null, app.Time.GetUtcNow()));
    }

    public static async Task<JsonElement> GetJson(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ShouldBe(HttpStatusCode.OK);

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);
}
