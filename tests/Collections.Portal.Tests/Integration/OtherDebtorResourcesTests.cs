using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>
/// The other debtor's real disputes, plans, payments and promises, addressed by a debtor session through every portal
/// endpoint: each is a 404 (a list is empty or a 404), and nothing is written.
/// </summary>
public sealed class OtherDebtorResourcesTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private readonly Dictionary<string, string> ids = [];
    private HttpClient session = null!;

    // Checkout looks the invoices up before it calls Stripe, so a key that points nowhere is enough here.
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = "sk_test_unreachable",
        ["Stripe:WebhookSecret"] = "whsec_unreachable",
        ["Stripe:ApiBase"] = "http://127.0.0.1:9",
    };

    [OneTimeSetUp]
    public async Task CreateTheirResources()
    {
        var mineExternal = Unique("deb");
        var theirsExternal = Unique("deb");
        ids["mine"] = (await Erp.PutDebtor(mineExternal, PortalApi.Debtor())).Id();
        ids["theirs"] = (await Erp.PutDebtor(theirsExternal, PortalApi.Debtor("Other AG"))).Id();
        ids["theirInvoice"] = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(theirsExternal, 400m))).Id();
        ids["theirPlanInvoice"] = (await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(theirsExternal, 300m))).Id();
        ids["theirDispute"] = (await Send(Staff, HttpMethod.Post, "/api/v1/disputes",
            new { invoiceId = ids["theirInvoice"], amount = 50m, reason = "pricing", description = "Their dispute" }, HttpStatusCode.Created)).Id();
        ids["theirAttachment"] = (await Upload(Staff, ids["theirDispute"], HttpStatusCode.Created)).Id();
        ids["theirPlan"] = (await Send(Staff, HttpMethod.Post, "/api/v1/payment-plans", PlanTerms(ids["theirPlanInvoice"]), HttpStatusCode.Created)).Id();
        ids["theirPayment"] = (await Send(Erp, HttpMethod.Post, "/api/v1/payments",
            new { debtorId = ids["theirs"], amount = 10m, currency = "EUR", method = "wire", reference = "W-1", receivedAt = "2026-03-01" }, HttpStatusCode.Created)).Id();
        await Send(Staff, HttpMethod.Post, "/api/v1/promises",
            new { debtorId = ids["theirs"], amount = new { amount = 20m, currency = "EUR" }, promisedDate = "2026-03-10", invoiceIds = new[] { ids["theirInvoice"] } }, HttpStatusCode.Created);
        session = await App.PortalSession(Staff, ids["mine"]);
    }

    [OneTimeTearDown]
    public void DisposeSession() => session?.Dispose();

    [TestCase("/api/v1/disputes/{theirDispute}")]
    [TestCase("/api/v1/disputes/{theirDispute}/attachments/{theirAttachment}")]
    [TestCase("/api/v1/payment-plans/{theirPlan}")]
    [TestCase("/api/v1/payments/{theirPayment}")]
    [TestCase("/api/v1/payments/instructions?debtorId={theirs}")]
    public async Task Get_OtherDebtorsResource_Is404(string template)
    {
        var response = await session.GetAsync(Fill(template));

        await response.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [TestCase("/api/v1/disputes?debtorId={theirs}")]
    [TestCase("/api/v1/payment-plans?debtorId={theirs}")]
    [TestCase("/api/v1/payments?debtorId={theirs}")]
    [TestCase("/api/v1/promises?debtorId={theirs}")]
    public async Task List_OfOtherDebtor_IsEmptyOr404(string template)
    {
        var response = await session.GetAsync(Fill(template));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.NotFound), body);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var json = JsonDocument.Parse(body).RootElement;
            var items = json.ValueKind == JsonValueKind.Array ? json : json.GetProperty("items");
            Assert.That(items.GetArrayLength(), Is.Zero, body);
        }
    }

    [TestCase("/api/v1/disputes/{theirDispute}/messages", "{\"body\":\"hello\"}")]
    [TestCase("/api/v1/disputes/{theirDispute}/withdraw", "{}")]
    [TestCase("/api/v1/disputes", "{\"invoiceId\":\"{theirInvoice}\",\"reason\":\"pricing\",\"description\":\"mine now\"}")]
    [TestCase("/api/v1/payment-plans/{theirPlan}/cancel", "{\"reason\":\"no\"}")]
    [TestCase("/api/v1/payment-plans/quotes", "{\"invoiceIds\":[\"{theirPlanInvoice}\"],\"installmentCount\":2,\"frequency\":\"monthly\",\"firstPaymentDate\":\"2026-03-15\"}")]
    [TestCase("/api/v1/payment-plans", "{\"invoiceIds\":[\"{theirInvoice}\"],\"installmentCount\":2,\"frequency\":\"monthly\",\"firstPaymentDate\":\"2026-03-15\"}")]
    [TestCase("/api/v1/payments/checkout", "{\"invoices\":[{\"invoiceId\":\"{theirInvoice}\"}]}")]
    [TestCase("/api/v1/payments/checkout", "{\"paymentPlanId\":\"{theirPlan}\"}")]
    [TestCase("/api/v1/promises", "{\"debtorId\":\"{theirs}\",\"amount\":{\"amount\":5,\"currency\":\"EUR\"},\"promisedDate\":\"2026-03-10\",\"invoiceIds\":[\"{theirInvoice}\"]}")]
    public async Task Post_WithOtherDebtorsIds_Is404(string template, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Fill(template)) { Content = new StringContent(Fill(body), new MediaTypeHeaderValue("application/json")) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        await (await session.SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Attach_ToOtherDebtorsDispute_Is404AndTheirDisputeIsUnchanged()
    {
        await (await UploadResponse(session, ids["theirDispute"])).ShouldBeProblem(HttpStatusCode.NotFound);

        var dispute = await (await Staff.GetAsync($"/api/v1/disputes/{ids["theirDispute"]}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(dispute.GetProperty("attachments").GetArrayLength(), Is.EqualTo(1));
        Assert.That(dispute.GetProperty("messages").GetArrayLength(), Is.Zero);
        Assert.That(dispute.GetProperty("status").GetString(), Is.EqualTo("open"));
        var plan = await (await Staff.GetAsync($"/api/v1/payment-plans/{ids["theirPlan"]}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(plan.GetProperty("status").GetString(), Is.Not.EqualTo("cancelled"));
    }

    private static object PlanTerms(string invoiceId) => new { invoiceIds = new[] { invoiceId }, installmentCount = 2, frequency = "monthly", firstPaymentDate = "2026-03-15" };

    private string Fill(string template)
    {
        foreach (var (name, value) in ids)
        {
            template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return template;
    }

    private static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await (await client.SendAsync(request)).ShouldBe(expected);
    }

    private static async Task<JsonElement> Upload(HttpClient client, string disputeId, HttpStatusCode expected) =>
        await (await UploadResponse(client, disputeId)).ShouldBe(expected);

    private static Task<HttpResponseMessage> UploadResponse(HttpClient client, string disputeId)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Convert.FromBase64String(TinyPng));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "evidence.png");
        return client.PostAsync($"/api/v1/disputes/{disputeId}/attachments", form);
    }
}
