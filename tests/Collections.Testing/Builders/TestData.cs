using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collections.Testing;

/// <summary>
/// Debtors, invoices and payments put in through the HTTP API as an ERP would, with the defaults the suites share:
/// Acme GmbH in Berlin, EUR, one accounts-payable contact; an invoice of 1,190.00 issued 1 February 2026, due 1 March 2026.
/// The <c>*Body</c> builders return the request body (for tests that send it themselves or change it first).
/// </summary>
public static class TestData
{
    /// <summary>Anna Schmidt, the primary accounts-payable contact of every default debtor.</summary>
    public static object Anna(string? phone = null) =>
        phone is null
            ? new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true }
            : new { name = "Anna Schmidt", email = "anna@acme.example", phone, role = "accounts_payable", isPrimary = true };

    public static object DebtorBody(
        string name = "Acme GmbH",
        string currency = "EUR",
        decimal creditLimit = 50000.00m,
        string timeZone = "Europe/Berlin",
        string countryCode = "DE",
        string language = "de",
        string segment = "standard",
        int paymentTermsDays = 30,
        object[]? contacts = null) => new
        {
            name,
            countryCode,
            timeZone,
            language,
            currency,
            creditLimit,
            paymentTermsDays,
            segment,
            contacts = contacts ?? [Anna()],
        };

    public static object InvoiceBody(
        string debtorExternalId,
        decimal total = 1190.00m,
        string issueDate = "2026-02-01",
        string? dueDate = "2026-03-01",
        string currency = "EUR",
        object? terms = null,
        string? poNumber = "PO-1",
        string? number = null,
        object[]? lines = null) => new
        {
            debtorExternalId,
            number = number ?? "N-" + Guid.NewGuid().ToString("N")[..8],
            poNumber,
            currency,
            issueDate,
            dueDate,
            total,
            lines,
            terms,
        };

    /// <summary>A payment as the ERP records it (a wire received on 2 March 2026, the fixtures' today), allocated as given or automatically.</summary>
    public static object PaymentBody(
        string debtorId,
        decimal amount,
        string currency = "EUR",
        object[]? allocations = null,
        string method = "wire",
        string receivedAt = "2026-03-02",
        string reference = "BANK-REF-1") =>
        new { debtorId, amount, currency, method, reference, receivedAt, allocations };

    /// <summary>PUTs a new debtor (201) and returns it.</summary>
    public static async Task<JsonElement> PutDebtor(this HttpClient erp, string externalId, object? body = null) =>
        await (await erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", body ?? DebtorBody())).ShouldBe(HttpStatusCode.Created);

    /// <summary>PUTs a new invoice (201) and returns it.</summary>
    public static async Task<JsonElement> PutInvoice(this HttpClient erp, string externalId, object body) =>
        await (await erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{externalId}", body)).ShouldBe(HttpStatusCode.Created);

    /// <summary>A new debtor under the given external id; returns its id.</summary>
    public static async Task<string> NewDebtor(this HttpClient erp, string externalId, object? body = null) =>
        (await erp.PutDebtor(externalId, body)).Id();

    /// <summary>A new debtor under a fresh external id; returns (id, external id).</summary>
    public static async Task<(string Id, string ExternalId)> CreateDebtor(this HttpClient erp, object? body = null)
    {
        var externalId = NewExternalId("deb");
        return (await erp.NewDebtor(externalId, body), externalId);
    }

    /// <summary>A new invoice (under a fresh external id) of <see cref="InvoiceBody"/>; returns its id.</summary>
    public static async Task<string> NewInvoice(
        this HttpClient erp,
        string debtorExternalId,
        decimal total = 1190.00m,
        string issueDate = "2026-02-01",
        string? dueDate = "2026-03-01",
        string currency = "EUR",
        object? terms = null,
        string? poNumber = "PO-1",
        string? number = null,
        object[]? lines = null) =>
        (await erp.PutInvoice(NewExternalId("inv"), InvoiceBody(debtorExternalId, total, issueDate, dueDate, currency, terms, poNumber, number, lines))).Id();

    /// <summary>Records a payment (201, with a fresh Idempotency-Key) and returns it.</summary>
    public static async Task<JsonElement> Pay(this HttpClient client, object payment) =>
        await (await client.PostKeyed("/api/v1/payments", payment)).ShouldBe(HttpStatusCode.Created);

    /// <summary>A unique external id with the prefix (the fixtures' Unique).</summary>
    public static string NewExternalId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
