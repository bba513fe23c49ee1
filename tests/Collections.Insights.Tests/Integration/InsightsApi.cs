using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Insights.Tests.Integration;

/// <summary>Puts facts in as the other modules would: debtors and invoices through the API, the rest as notifications.</summary>
internal static class InsightsApi
{
    public static object Debtor(string currency = "EUR", decimal creditLimit = 50000.00m, string name = "Acme GmbH") => new
    {
        name,
        countryCode = "DE",
        timeZone = "Europe/Berlin",
        language = "de",
        currency,
        creditLimit,
        paymentTermsDays = 30,
        segment = "standard",
        contacts = new[] { new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true } },
    };

    public static async Task<string> PutDebtor(this HttpClient client, string externalId, object? body = null)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", body ?? Debtor());
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task<string> PutInvoice(this HttpClient client, string debtorExternalId, decimal total, string issueDate, string dueDate, string currency = "EUR")
    {
        var body = new
        {
            debtorExternalId,
            number = "N-" + Guid.NewGuid().ToString("N")[..8],
            currency,
            issueDate,
            dueDate,
            total,
        };
        var response = await client.PutAsJsonAsync($"/api/v1/invoices/by-external-id/inv-{Guid.NewGuid():N}", body);
        return (await response.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public static async Task Publish(this CollectionsApp app, INotification notification)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification);
    }

    public static async Task<T> Send<T>(this CollectionsApp app, IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

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

    public static decimal Amount(this JsonElement element, string property) => element.GetProperty(property).GetProperty("amount").GetDecimal();

    public static decimal? Number(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDecimal();

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);
}
