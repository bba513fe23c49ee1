using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Collections.Webhooks.Domain;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Operations.Tests.Integration;

internal static class WebhookTestData
{
    public static async Task<(string Id, string Secret)> CreateEndpointAsync(this HttpClient admin, string url, params string[] events)
    {
        var created = await (await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url, events, description = "ERP" })).ShouldBe(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    /// <summary>A debtor and an open invoice, put in as an ERP would; returns the invoice's id.</summary>
    public static async Task<string> CreateInvoiceAsync(this HttpClient erp, string debtorExternalId, string invoiceExternalId, decimal total = 1000m)
    {
        await (await erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{debtorExternalId}", new
        {
            name = "Acme GmbH",
            countryCode = "DE",
            timeZone = "Europe/Berlin",
            language = "de",
            currency = "EUR",
            creditLimit = 50000m,
            paymentTermsDays = 30,
            segment = "standard",
            contacts = new[] { new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true } },
        })).ShouldBe(HttpStatusCode.Created);
        var invoice = await (await erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{invoiceExternalId}", new
        {
            debtorExternalId,
            number = "N-" + Guid.NewGuid().ToString("N")[..8],
            poNumber = "PO-1",
            currency = "EUR",
            issueDate = "2026-02-01",
            dueDate = "2026-03-01",
            total,
        })).ShouldBe(HttpStatusCode.Created);
        return invoice.GetProperty("id").GetString()!;
    }

    public static async Task IssueCreditNoteAsync(this HttpClient erp, string invoiceId, decimal amount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/invoices/{invoiceId}/credit-notes") { Content = JsonContent.Create(new { amount, reason = "Damaged goods" }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        await (await erp.SendAsync(request)).ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Publishes a notification as its module would: inside a command's transaction, in a request scope.</summary>
    public static async Task PublishAsync(this CollectionsApp app, INotification notification)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await session.InTransactionAsync(async () =>
        {
            await mediator.Publish(notification);
            return 0;
        });
    }

    public static Task<int> DispatchAsync(this CollectionsApp app) =>
        app.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);

    public static async Task<JsonElement[]> DeliveriesAsync(this HttpClient admin, string endpointId) =>
        (await (await admin.GetAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries")).ShouldBe(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToArray();

    public static JsonElement Json(this ReceivedWebhook webhook) => JsonDocument.Parse(webhook.Body).RootElement;
}
