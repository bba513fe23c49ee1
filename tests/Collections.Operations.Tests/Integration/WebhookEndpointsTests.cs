using System.Net;
using System.Net.Http.Json;
using Collections.Operations.Tests.Unit;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Operations.Tests.Integration;

public sealed class WebhookEndpointsTests(DatabaseProvider provider) : ApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" };

    [Test]
    public async Task Create_WhenValid_ReturnsTheSecretOnceAndListsWithoutIt()
    {
        var created = await (await Admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "https://erp.example.com/hooks", events = new[] { "payment.succeeded", "credit_note.issued" } }))
            .ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.That(created.GetProperty("secret").GetString(), Does.StartWith("whsec_"));

        var listed = await (await Admin.GetAsync("/api/v1/webhook-endpoints")).ShouldBe(HttpStatusCode.OK);
        var mine = listed.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.That(mine.TryGetProperty("secret", out _), Is.False);
        Assert.That(mine.GetProperty("events").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "payment.succeeded", "credit_note.issued" }));
        var one = await (await Admin.GetAsync($"/api/v1/webhook-endpoints/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(one.TryGetProperty("secret", out _), Is.False);
    }

    [Test]
    public async Task Create_WhenUrlIsPlainHttpToAnotherHostOrEventUnknown_Is400WithFieldErrors()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "http://erp.example.com/hooks", events = new[] { "payment.made" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldErrors("url"), Is.Not.Empty);
        Assert.That(problem.FieldErrors("events[0]"), Is.Not.Empty);
    }

    [TestCase("ftp://erp.example.com/x")]
    [TestCase("https://user:pass@erp.example.com/x")]
    [TestCase("/relative")]
    [TestCase("")]
    public async Task Create_WhenUrlIsNotAnAllowedAbsoluteUrl_Is400(string url) =>
        await (await Admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url, events = new[] { "*" } })).ShouldBeProblem(HttpStatusCode.BadRequest);

    [Test]
    public async Task Create_WhenCallerIsNotAdmin_Is403()
    {
        var response = await Erp.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "https://erp.example.com/hooks", events = new[] { "*" } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Anonymous.GetAsync("/api/v1/webhook-endpoints")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Delete_WhenDeliveriesAreQueued_CancelsThemAndTheEndpointIsGone()
    {
        var (id, _) = await Admin.CreateEndpointAsync("https://erp.example.com/hooks", "*");
        await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{id}/test", null)).ShouldBe(HttpStatusCode.Accepted);

        await (await Admin.DeleteAsync($"/api/v1/webhook-endpoints/{id}")).ShouldBe(HttpStatusCode.NoContent);

        await (await Admin.GetAsync($"/api/v1/webhook-endpoints/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync($"/api/v1/webhook-endpoints/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.That(await App.DispatchAsync(), Is.Zero, "a deleted endpoint's queue is not sent");
    }

    [Test]
    public async Task Deliveries_WhenEndpointUnknownOrFilterInvalid_AreProblems()
    {
        await (await Admin.GetAsync("/api/v1/webhook-endpoints/whe_nope/deliveries")).ShouldBeProblem(HttpStatusCode.NotFound);
        var (id, _) = await Admin.CreateEndpointAsync("https://erp.example.com/hooks", "invoice.paid");
        await (await Admin.GetAsync($"/api/v1/webhook-endpoints/{id}/deliveries?status=sent")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Admin.GetAsync($"/api/v1/webhook-endpoints/{id}/deliveries?limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{id}/deliveries/whd_nope/redeliver", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync($"/api/v1/webhook-endpoints/{id}")).ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task EventCatalogue_ForAnErpKey_ListsEveryTypeWithTheSchemaOfItsSnapshot()
    {
        var catalogue = (await (await Erp.GetAsync("/api/v1/webhook-events")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.That(catalogue.Select(e => e.GetProperty("type").GetString()),
            Is.EquivalentTo(Collections.Webhooks.Contracts.WebhookEventTypes.Subscribable.Append("webhook.ping")));
        Assert.That(catalogue.Single(e => e.GetProperty("type").GetString() == "webhook.ping").GetProperty("subscribable").GetBoolean(), Is.False);
        Assert.Multiple(() =>
        {
            foreach (var entry in catalogue)
            {
                Assert.That(entry.GetProperty("description").GetString(), Is.Not.Empty);
                var schema = System.Text.Json.JsonSerializer.Serialize(entry.GetProperty("schema"), new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
                Snapshot.Matches(schema, "Webhooks", $"{entry.GetProperty("type").GetString()}.schema.json");
            }
        });
        Assert.That((await Anonymous.GetAsync("/api/v1/webhook-events")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void Startup_InProductionWithLoopbackHttpAllowed_Fails()
    {
        var settings = CollectionsApp.ProductionSettings();
        settings["Webhooks:DispatcherEnabled"] = "false";
        settings["Webhooks:AllowLoopbackHttp"] = "true";
        using var production = new CollectionsApp(App.Database, settings);

        var failure = Assert.Catch(() => production.CreateClient().Dispose());
        Assert.That(failure!.ToString(), Does.Contain("Webhooks:AllowLoopbackHttp"));
    }
}
