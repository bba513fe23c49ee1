using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Portal.Tests.Integration;

/// <summary>
/// A debtor session reaches its own data, nothing of another debtor (404, or an empty list) and no endpoint
/// outside the portal's policies (403). The 403 half walks every mapped endpoint, so new endpoints are covered too.
/// </summary>
public sealed class DebtorIsolationTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private static readonly string[] DebtorPolicies = [Policies.Portal, Policies.DebtorOrStaff];

    private string mine = null!;
    private string theirs = null!;
    private string myInvoice = null!;
    private string theirInvoice = null!;
    private HttpClient session = null!;

    [OneTimeSetUp]
    public async Task CreateTwoDebtors()
    {
        var mineExternal = Unique("deb");
        var theirsExternal = Unique("deb");
        mine = (await Erp.PutDebtor(mineExternal, PortalApi.Debtor())).Id();
        theirs = (await Erp.PutDebtor(theirsExternal, PortalApi.Debtor("Other AG"))).Id();
        myInvoice = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(mineExternal, 100m))).Id();
        theirInvoice = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(theirsExternal, 200m))).Id();
        session = await App.PortalSession(Staff, mine);
    }

    [OneTimeTearDown]
    public void DisposeSession() => session?.Dispose();

    [Test]
    public async Task OwnData_IsReadable()
    {
        await (await session.GetAsync($"/api/v1/debtors/{mine}")).ShouldBe(HttpStatusCode.OK);
        await (await session.GetAsync($"/api/v1/invoices/{myInvoice}")).ShouldBe(HttpStatusCode.OK);
        await (await session.GetAsync($"/api/v1/debtors/{mine}/activity")).ShouldBe(HttpStatusCode.OK);
        var list = await (await session.GetAsync("/api/v1/invoices")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.Id()), Is.EqualTo(new[] { myInvoice }));
    }

    [TestCase("/api/v1/debtors/{theirs}")]
    [TestCase("/api/v1/invoices/{theirInvoice}")]
    [TestCase("/api/v1/debtors/{theirs}/activity")]
    public async Task OtherDebtorsResource_Is404(string template)
    {
        var response = await session.GetAsync(Fill(template));

        await response.ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("Other AG"));
    }

    [Test]
    public async Task OtherDebtorsInvoiceList_IsEmpty()
    {
        var list = await (await session.GetAsync($"/api/v1/invoices?debtorId={theirs}")).ShouldBe(HttpStatusCode.OK);

        Assert.That(list.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task OwnActivity_HidesInternalEntriesAndActors()
    {
        var activity = await (await session.GetAsync($"/api/v1/debtors/{mine}/activity")).ShouldBe(HttpStatusCode.OK);
        var items = activity.GetProperty("items").EnumerateArray().ToList();

        Assert.That(items.Select(i => i.GetProperty("type").GetString()), Has.None.StartWith("internal."));
        Assert.That(items.Select(i => i.GetProperty("type").GetString()), Has.Some.EqualTo("portal.session_started"));
        Assert.That(items.Select(i => i.GetProperty("actor").GetString()), Has.All.Empty);
    }

    [TestCase("POST", "/api/v1/debtors/{mine}/portal-links")]
    [TestCase("POST", "/api/v1/debtors/{theirs}/portal-links")]
    [TestCase("POST", "/api/v1/debtors/{mine}/portal-links/revoke")]
    [TestCase("GET", "/api/v1/debtors")]
    [TestCase("PUT", "/api/v1/debtors/by-external-id/{mine}")]
    [TestCase("GET", "/api/v1/api-keys")]
    public async Task StaffEndpoint_Is403(string method, string template)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(template)) { Content = JsonContent.Create(new { }) };

        await (await session.SendAsync(request)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    /// <summary>Every endpoint not open to debtor sessions answers 403, whatever module mapped it.</summary>
    [Test]
    public async Task EveryEndpointOutsideThePortalPolicies_Is403()
    {
        var staffOnly = ApiEndpoints().Where(e => !e.Anonymous && !e.Policies.Intersect(DebtorPolicies).Any()).ToList();
        Assert.That(staffOnly, Is.Not.Empty);

        foreach (var endpoint in staffOnly)
        {
            foreach (var method in endpoint.Methods)
            {
                // The body an endpoint takes (JSON, or a bank statement's XML), so content negotiation cannot answer before authorization.
                HttpContent body = endpoint.Pattern.EndsWith("/bank-statements", StringComparison.Ordinal)
                    ? new StringContent("<Document/>", System.Text.Encoding.UTF8, "application/xml") : JsonContent.Create(new { });
                using var request = new HttpRequestMessage(new HttpMethod(method), WithIds(endpoint.Pattern, theirs)) { Content = body };
                var response = await session.SendAsync(request);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{method} {endpoint.Pattern}");
            }
        }
    }

    /// <summary>Every endpoint open to debtor sessions refuses the other debtor's ids: never a success, never a 500.</summary>
    [Test]
    public async Task EveryPortalEndpointWithRouteIds_RefusesOtherDebtorsIds()
    {
        var portal = ApiEndpoints().Where(e => e.Policies.Intersect(DebtorPolicies).Any() && e.Pattern.Contains('{')).ToList();
        Assert.That(portal, Is.Not.Empty);

        foreach (var endpoint in portal)
        {
            foreach (var id in new[] { theirs, theirInvoice })
            {
                foreach (var method in endpoint.Methods)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), WithIds(endpoint.Pattern, id)) { Content = JsonContent.Create(new { }) };
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                    var response = await session.SendAsync(request);
                    var status = (int)response.StatusCode;
                    Assert.That(status is >= 400 and < 500 && status != 401, Is.True, $"{method} {endpoint.Pattern} with {id}: {status}");
                    if (method == "GET")
                    {
                        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{method} {endpoint.Pattern} with {id}");
                    }
                }
            }
        }
    }

    private string Fill(string template) => template
        .Replace("{mine}", mine, StringComparison.Ordinal)
        .Replace("{theirs}", theirs, StringComparison.Ordinal)
        .Replace("{myInvoice}", myInvoice, StringComparison.Ordinal)
        .Replace("{theirInvoice}", theirInvoice, StringComparison.Ordinal);

    private static string WithIds(string pattern, string id) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", id);

    private List<(string Pattern, string[] Methods, string[] Policies, bool Anonymous)> ApiEndpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Select(e => (
                Pattern: e.RoutePattern.RawText!,
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET"],
                Policies: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").ToArray(),
                Anonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .ToList();
}
