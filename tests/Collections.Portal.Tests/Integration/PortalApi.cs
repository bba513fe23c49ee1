using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>Puts debtors and invoices in as an ERP would, and opens portal sessions as a debtor would.</summary>
internal static class PortalApi
{
    /// <summary>A debtor as the ERP sends it; English unless told otherwise, so the portal speaks English to it.</summary>
    public static object Debtor(string name = "Acme GmbH", string currency = "EUR", string language = "en") => new
    {
        name,
        countryCode = "DE",
        timeZone = "Europe/Berlin",
        language,
        currency,
        creditLimit = 50000.00m,
        paymentTermsDays = 30,
        segment = "standard",
        contacts = new[]
        {
            new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true },
            new { name = "Bernd Vogel", email = "bernd@acme.example", role = "finance", isPrimary = false },
        },
    };

    public static object Invoice(string debtorExternalId, decimal total = 1190.00m, string issueDate = "2026-02-01", string dueDate = "2026-03-01", object? terms = null) => new
    {
        debtorExternalId,
        number = "N-" + Guid.NewGuid().ToString("N")[..8],
        poNumber = "PO-1",
        currency = "EUR",
        issueDate,
        dueDate,
        total,
        terms,
    };

    public static async Task<JsonElement> PutDebtor(this HttpClient erp, string externalId, object? body = null) =>
        await (await erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", body ?? Debtor())).ShouldBe(HttpStatusCode.Created);

    public static async Task<JsonElement> PutInvoice(this HttpClient erp, string externalId, object body) =>
        await (await erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{externalId}", body)).ShouldBe(HttpStatusCode.Created);

    public static async Task<string> CreateLink(this HttpClient staff, string debtorId, object? body = null)
    {
        var link = await (await staff.PostAsJsonAsync($"/api/v1/debtors/{debtorId}/portal-links", body ?? new { })).ShouldBe(HttpStatusCode.Created);
        return link.GetProperty("url").GetString()!;
    }

    public static string TokenOf(string url)
    {
        var fragment = new Uri(url).Fragment;
        var query = fragment[(fragment.IndexOf('?') + 1)..];
        var token = query.Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..];
        return Uri.UnescapeDataString(token);
    }

    public static Task<HttpResponseMessage> Exchange(this HttpClient anonymous, string token) =>
        anonymous.PostAsJsonAsync("/api/v1/portal/sessions", new { token });

    /// <summary>A staff-made link exchanged for a session client of that debtor.</summary>
    public static async Task<HttpClient> SessionFor(this CollectionsApp app, HttpClient staff, string debtorId, object? linkBody = null)
    {
        using var anonymous = app.ClientWithKey(null);
        var session = await (await anonymous.Exchange(TokenOf(await staff.CreateLink(debtorId, linkBody)))).ShouldBe(HttpStatusCode.Created);
        return app.ClientWithKey(session.GetProperty("sessionToken").GetString());
    }

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static decimal Amount(this JsonElement money) => money.GetProperty("amount").GetDecimal();
}
