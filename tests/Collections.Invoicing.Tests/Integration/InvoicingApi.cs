using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Testing;

namespace Collections.Invoicing.Tests.Integration;

/// <summary>Small helpers to put debtors and invoices in through the API, as an ERP would.</summary>
internal static class InvoicingApi
{
    public static object Debtor(string name = "Acme GmbH", string timeZone = "Europe/Berlin", string currency = "EUR", object[]? contacts = null) => new
    {
        name,
        countryCode = "DE",
        timeZone,
        language = "de",
        currency,
        creditLimit = 50000.00m,
        paymentTermsDays = 30,
        segment = "standard",
        contacts = contacts ?? [new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true }],
    };

    public static object Invoice(string debtorExternalId, decimal total = 1190.00m, string issueDate = "2026-02-01", string? dueDate = "2026-03-01", string currency = "EUR", object? terms = null) => new
    {
        debtorExternalId,
        number = "N-" + Guid.NewGuid().ToString("N")[..8],
        poNumber = "PO-1",
        currency,
        issueDate,
        dueDate,
        total,
        terms,
    };

    public static async Task<JsonElement> PutDebtor(this HttpClient client, string externalId, object? body = null) =>
        await (await client.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", body ?? Debtor())).ShouldBe(HttpStatusCode.Created);

    public static async Task<JsonElement> PutInvoice(this HttpClient client, string externalId, object body) =>
        await (await client.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{externalId}", body)).ShouldBe(HttpStatusCode.Created);

    public static decimal Amount(this JsonElement money) => money.GetProperty("amount").GetDecimal();
}
