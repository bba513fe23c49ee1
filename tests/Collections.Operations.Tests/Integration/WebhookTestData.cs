using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Testing;
using Collections.Webhooks.Domain;
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
        await erp.PutDebtor(debtorExternalId);
        return (await erp.PutInvoice(invoiceExternalId, TestData.InvoiceBody(debtorExternalId, total))).Id();
    }

    public static async Task IssueCreditNoteAsync(this HttpClient erp, string invoiceId, decimal amount) =>
        await (await erp.PostKeyed($"/api/v1/invoices/{invoiceId}/credit-notes", new { amount, reason = "Damaged goods" })).ShouldBe(HttpStatusCode.Created);

    public static Task<int> DispatchAsync(this CollectionsApp app) =>
        app.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);

    public static async Task<JsonElement[]> DeliveriesAsync(this HttpClient admin, string endpointId) =>
        (await (await admin.GetAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries")).ShouldBe(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToArray();

    public static JsonElement Json(this ReceivedWebhook webhook) => JsonDocument.Parse(webhook.Body).RootElement;
}
