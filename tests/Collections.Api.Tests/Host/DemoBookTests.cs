using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Api.Features.Demo;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>The Development demo book, told against the real host: what a newcomer sees on the first start.</summary>
public sealed class DemoBookTests
{
    private TestDatabase database = null!;
    private CollectionsApp app = null!;
    private HttpClient admin = null!;
    private DemoBookSummary summary = null!;

    [OneTimeSetUp]
    public async Task TellTheStory()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        app = new CollectionsApp(database);
        admin = app.ClientWithKey(CollectionsApp.AdminKey);
        summary = await new DemoBook(app.ClientWithKey, CollectionsApp.AdminKey, new FakeStoryClock(app.Time)).TellAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        admin.Dispose();
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task Debtors_SpanTimeZonesSegmentsAndLanguages()
    {
        var debtors = (await Get("/api/v1/debtors?limit=50")).GetProperty("items").EnumerateArray().ToList();

        Assert.That(debtors, Has.Count.EqualTo(10));
        Assert.That(debtors.Select(d => d.GetProperty("timeZone").GetString()).Distinct().Count(), Is.GreaterThanOrEqualTo(5));
        Assert.That(debtors.Select(d => d.GetProperty("segment").GetString()).Distinct(), Is.EquivalentTo(new[] { "standard", "strategic", "high_risk" }));
        Assert.That(debtors.Select(d => d.GetProperty("language").GetString()![..2]).Distinct().Count(), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task Aging_HasMoneyInEveryBucket()
    {
        var totals = (await Get("/api/v1/reports/aging")).GetProperty("totals").EnumerateArray().ToList();

        foreach (var bucket in new[] { "current", "days1To30", "days31To60", "days61To90", "days91To120", "over120" })
        {
            Assert.That(totals.Any(t => t.GetProperty("amounts").GetProperty(bucket).GetProperty("amount").GetDecimal() > 0), Is.True, bucket);
        }
    }

    [Test]
    public async Task Nordwind_HasAPartDisputeWithAThread_AndAnActivePlan()
    {
        var nordwind = await DebtorId("demo-nordwind");
        var disputes = (await Get($"/api/v1/disputes?debtorId={nordwind}")).GetProperty("items").EnumerateArray().ToList();
        var dispute = await Get($"/api/v1/disputes/{disputes.Single().GetProperty("id").GetString()}");
        var plans = (await Get($"/api/v1/payment-plans?debtorId={nordwind}&status=active")).GetProperty("items").EnumerateArray().ToList();

        Assert.That(dispute.GetProperty("status").GetString(), Is.EqualTo("under_review"));
        Assert.That(dispute.GetProperty("messages").GetArrayLength(), Is.GreaterThanOrEqualTo(2));
        Assert.That(plans, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Promises_OneKeptAndOneBroken()
    {
        var lefevre = (await Get($"/api/v1/promises?debtorId={await DebtorId("demo-lefevre")}")).EnumerateArray().Single();
        var atlantic = (await Get($"/api/v1/promises?debtorId={await DebtorId("demo-atlantic")}")).EnumerateArray().Single();

        Assert.That(lefevre.GetProperty("status").GetString(), Is.EqualTo("kept"));
        Assert.That(atlantic.GetProperty("status").GetString(), Is.EqualTo("broken"));
    }

    [Test]
    public async Task Payments_AndTodaysRemindersQueued()
    {
        var payments = (await Get("/api/v1/payments?limit=50")).GetProperty("items").GetArrayLength();
        var queued = (await Get("/api/v1/dunning/outbox?status=queued")).GetArrayLength();

        Assert.That(payments, Is.EqualTo(4));
        Assert.That(queued, Is.GreaterThan(0));
    }

    [Test]
    public async Task PortalLink_OpensNordwindsPortal()
    {
        var token = Uri.UnescapeDataString(summary.PortalLink.Split("token=")[1]);
        var session = await (await app.ClientWithKey(null).PostAsJsonAsync("/api/v1/portal/sessions", new { token })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(session.GetProperty("debtorId").GetString(), Is.EqualTo(await DebtorId("demo-nordwind")));
        Assert.That(summary.PortalDebtor, Is.EqualTo("Nordwind Handels GmbH"));
    }

    private async Task<string> DebtorId(string externalId) =>
        (await Get($"/api/v1/debtors?search={externalId}")).GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("externalId").GetString() == externalId).GetProperty("id").GetString()!;

    private async Task<JsonElement> Get(string path)
    {
        var response = await admin.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private sealed class FakeStoryClock(FakeTimeProvider time) : IStoryClock
    {
        public DateTimeOffset Now => time.GetUtcNow();

        public void AdvanceTo(DateTimeOffset instant) => time.SetUtcNow(instant);
    }
}
