using System.Net;
using System.Text;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>A list with a null element (<c>"lines": [null]</c>) is a 400 naming the element, never a 500 from the handler.</summary>
public sealed class NullListItemTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private static IEnumerable<TestCaseData> Lists()
    {
        yield return Case("erp", "PUT", "/api/v1/debtors/by-external-id/null-contact",
            """{"name":"Acme","countryCode":"DE","timeZone":"Europe/Berlin","language":"de","currency":"EUR","creditLimit":0,"contacts":[null]}""", "contacts[0]");
        yield return Case("erp", "PUT", "/api/v1/invoices/by-external-id/null-line",
            """{"debtorExternalId":"d","number":"INV-1","currency":"EUR","issueDate":"2026-01-01","dueDate":"2026-01-31","total":10,"lines":[null]}""", "lines[0]");
        yield return Case("erp", "POST", "/api/v1/payments",
            """{"debtorId":"deb_x","amount":10,"currency":"EUR","method":"bank_transfer","receivedAt":"2026-01-01","allocations":[null]}""", "allocations[0]");
        yield return Case("erp", "POST", "/api/v1/debtors/deb_x/credit/apply", """{"currency":"EUR","allocations":[null]}""", "allocations[0]");
        yield return Case("staff", "POST", "/api/v1/payments/checkout", """{"debtorId":"deb_x","invoices":[null]}""", "invoices[0]");
        yield return Case("staff", "POST", "/api/v1/promises",
            """{"debtorId":"deb_x","amount":{"amount":10,"currency":"EUR"},"promisedDate":"2026-12-20","invoiceIds":[null]}""", "invoiceIds[0]");
        yield return Case("admin", "POST", "/api/v1/dunning/policies", """{"name":"null_step","steps":[null]}""", "steps[0]");
    }

    [TestCaseSource(nameof(Lists))]
    public async Task ANullElement_IsA400NamingIt(string role, string method, string path, string body, string field)
    {
        var client = role switch { "erp" => Erp, "staff" => Staff, _ => Admin };
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var problem = await (await client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors(field), Has.Some.Contains("empty"));
    }

    private static TestCaseData Case(string role, string method, string path, string body, string field) =>
        new TestCaseData(role, method, path, body, field).SetArgDisplayNames($"{method} {path} {field}");
}
