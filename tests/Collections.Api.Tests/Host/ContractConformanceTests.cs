using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Collections.Testing.Contract;

namespace Collections.Api.Tests.Host;

/// <summary>The check every test client runs (ContractCheckingHandler) accepts what the contract declares and nothing else.</summary>
public sealed class ContractConformanceTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private static PublishedContract Contract => PublishedContract.Instance;

    [Test]
    public async Task DebtorResponse_AsServed_IsDeclared_AndEachDeviationIsNamed()
    {
        var externalId = Unique("deb");
        var created = await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", new
        {
            name = "Conformance GmbH",
            countryCode = "DE",
            timeZone = "Europe/Berlin",
            language = "de",
            currency = "EUR",
            contacts = new[] { new { name = "Ida Roth", email = "ida@conformance.example", isPrimary = true } },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var body = JsonNode.Parse(await Erp.GetStringAsync($"/api/v1/debtors/{id}"))!.AsObject();
        var path = $"/api/v1/debtors/{id}";

        Assert.Multiple(() =>
        {
            Assert.That(Contract.Violation("GET", path, 200, "application/json", body.ToJsonString()), Is.Null);
            Assert.That(Contract.Violation("GET", path, 200, "application/json", With(body, b => b.Remove("name"))), Does.Contain("name"));
            Assert.That(Contract.Violation("GET", path, 200, "application/json", With(body, b => b["name"] = null)), Does.Contain("/name"));
            Assert.That(Contract.Violation("GET", path, 200, "application/json", With(body, b => b["surprise"] = 1)), Does.Contain("surprise"));
            Assert.That(Contract.Violation("GET", path, 200, "application/json", With(body, b => b["creditLimit"] = "a lot")), Does.Contain("/creditLimit"));
            Assert.That(Contract.Violation("GET", path, 418, "application/json", "{}"), Does.Contain("does not declare"));
            Assert.That(Contract.Violation("GET", path, 200, "text/csv", "a,b"), Does.Contain("text/csv"));
            Assert.That(Contract.Violation("PATCH", path, 200, "application/json", "{}"), Does.Contain("no PATCH operation"));
        });
    }

    [Test]
    public void ProblemAnswers_AreDeclaredWithTheirShape()
    {
        const string problem = """{"type":"about:blank","title":"Not found.","status":404,"detail":"Debtor 'x' was not found.","instance":"/api/v1/debtors/x","traceId":"0"}""";

        Assert.Multiple(() =>
        {
            Assert.That(Contract.Violation("GET", "/api/v1/debtors/x", 404, "application/problem+json", problem), Is.Null);
            Assert.That(Contract.Violation("GET", "/api/v1/debtors/x", 404, "application/problem+json", """{"status":"404"}"""), Does.Contain("/status"));
            Assert.That(Contract.Violation("POST", "/api/v1/debtors/import", 401, "application/problem+json", problem), Is.Null, "a literal segment wins over {id}");
        });
    }

    private static string With(JsonObject body, Action<JsonObject> change)
    {
        var copy = body.DeepClone().AsObject();
        change(copy);
        return copy.ToJsonString();
    }
}
