using System.Net;
using System.Text.Json;
using Collections.Api.Hosting;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Api.Tests.Host;

/// <summary>Idempotency keys are remembered for 24 hours, then removed by the hourly cleanup (own app: it moves the clock).</summary>
public sealed class IdempotencyKeyExpiryTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Keys_AreForgottenAfter24Hours_SoTheSameKeyRunsAgain()
    {
        var external = Unique("deb");
        var debtor = await Erp.PutDebtor(external, TestData.DebtorBody("Expiry GmbH"));
        var key = Guid.NewGuid().ToString();
        var body = new { debtorId = debtor.GetProperty("id").GetString(), amount = 10m, currency = "EUR", method = "wire", reference = "R-2", receivedAt = "2026-03-02" };
        var first = await (await Erp.PostKeyed("/api/v1/payments", body, key)).ShouldBe(HttpStatusCode.Created);
        var cleanup = App.Services.GetRequiredService<IdempotencyKeyCleanup>();

        Assert.That(await cleanup.CleanUpAsync(CancellationToken.None), Is.EqualTo(0), "a fresh key is kept");
        App.Time.Advance(TimeSpan.FromHours(25));
        Assert.That(await cleanup.CleanUpAsync(CancellationToken.None), Is.GreaterThanOrEqualTo(1));

        var later = await Erp.PostKeyed("/api/v1/payments", body, key);
        Assert.That(later.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(Id(await later.ShouldBe(HttpStatusCode.Created)), Is.Not.EqualTo(Id(first)));
    }

    private static string Id(JsonElement element) => element.GetProperty("id").GetString()!;
}
