using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Collections.Payments.Contracts;
using Collections.Testing;

namespace Collections.Payments.Tests.BankStatements;

internal static class BankStatementApi
{
    public static async Task<HttpResponseMessage> PostStatement(this HttpClient client, byte[] content, string contentType = "application/xml")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PostAsync("/api/v1/bank-statements", body);
    }

    public static async Task<JsonElement> Import(this HttpClient client, byte[] content) =>
        await (await client.PostStatement(content)).ShouldBe(HttpStatusCode.Created);

    public static JsonElement Line(this JsonElement import, int position) =>
        import.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("position").GetInt32() == position);

    public static async Task<string> ReferenceOf(this CollectionsApp app, string debtorId) => await app.Send(new GetPaymentReferenceCommand(debtorId));

    public static async Task<JsonElement[]> PaymentsOf(this HttpClient client, string debtorId) =>
        (await (await client.GetAsync($"/api/v1/payments?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToArray();

    /// <summary>An IBAN-shaped payer account no other test uses.</summary>
    public static string NewPayerIban() => "DE" + string.Concat(Guid.NewGuid().ToByteArray().Take(10).Select(b => (b % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)));
}
