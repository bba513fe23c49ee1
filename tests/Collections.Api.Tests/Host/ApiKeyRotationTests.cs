using System.Net;
using System.Net.Http.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>A rotated key keeps working until its retirement, and its successor is the same client (own app: it moves the clock).</summary>
public sealed class ApiKeyRotationTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Rotate_OldKeyWorksUntilItsRetirement_ThenOnlyTheSuccessor()
    {
        var (id, oldKey) = await NewErpKey();

        var rotated = await (await Admin.PostAsJsonAsync($"/api/v1/api-keys/{id}/rotate", new { retireOldAfterMinutes = 30 })).ShouldBe(HttpStatusCode.Created);

        var successor = rotated.GetProperty("key");
        Assert.That(rotated.GetProperty("replacedKeyId").GetString(), Is.EqualTo(id));
        Assert.That(successor.GetProperty("role").GetString(), Is.EqualTo("erp"));
        using var old = App.ClientWithKey(oldKey);
        using var @new = App.ClientWithKey(successor.GetProperty("key").GetString()!);
        await (await old.GetAsync("/api/v1/debtors")).ShouldBe(HttpStatusCode.OK);
        await (await @new.GetAsync("/api/v1/debtors")).ShouldBe(HttpStatusCode.OK);
        App.Time.Advance(TimeSpan.FromMinutes(31));
        await (await old.GetAsync("/api/v1/debtors")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await @new.GetAsync("/api/v1/debtors")).ShouldBe(HttpStatusCode.OK);
        var listed = await (await Admin.GetAsync("/api/v1/api-keys")).ShouldBe(HttpStatusCode.OK);
        Assert.That(listed.EnumerateArray().Where(k => k.GetProperty("clientId").GetString() == id).Select(k => k.GetProperty("id").GetString()),
            Is.EquivalentTo(new[] { id, successor.GetProperty("id").GetString() }), "both keys are one client");
    }

    [Test]
    public async Task Rotate_ARequestRetriedWithTheNewKey_IsAReplay_NotASecondPayment()
    {
        var (id, oldKey) = await NewErpKey();
        using var old = App.ClientWithKey(oldKey);
        var external = Unique("deb");
        var debtor = await old.NewDebtor(external, TestData.DebtorBody("Rotation GmbH"));
        var key = Guid.NewGuid().ToString();
        var payment = new { debtorId = debtor, amount = 10m, currency = "EUR", method = "wire", reference = "R-rot", receivedAt = "2026-03-02" };
        var first = await (await old.PostKeyed("/api/v1/payments", payment, key)).ShouldBe(HttpStatusCode.Created);

        var rotated = await (await Admin.PostAsJsonAsync($"/api/v1/api-keys/{id}/rotate", new { retireOldAfterMinutes = 0 })).ShouldBe(HttpStatusCode.Created);
        using var @new = App.ClientWithKey(rotated.GetProperty("key").GetProperty("key").GetString()!);
        var retried = await @new.PostKeyed("/api/v1/payments", payment, key);

        Assert.That(retried.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((await retried.ShouldBe(HttpStatusCode.Created)).GetProperty("id").GetString(), Is.EqualTo(first.GetProperty("id").GetString()));
        await (await old.GetAsync("/api/v1/debtors")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Rotate_ARevokedKey_Is422_AndAnUnknownOne404_AndATooLongGrace400()
    {
        var (id, _) = await NewErpKey();
        await (await Admin.DeleteAsync($"/api/v1/api-keys/{id}")).ShouldBe(HttpStatusCode.NoContent);
        var before = (await (await Admin.GetAsync("/api/v1/api-keys")).ShouldBe(HttpStatusCode.OK)).GetArrayLength();

        await (await Admin.PostAsJsonAsync($"/api/v1/api-keys/{id}/rotate", new { })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await Admin.PostAsJsonAsync("/api/v1/api-keys/key_missing/rotate", new { })).ShouldBeProblem(HttpStatusCode.NotFound);
        var (active, _) = await NewErpKey();
        var tooLong = await (await Admin.PostAsJsonAsync($"/api/v1/api-keys/{active}/rotate", new { retireOldAfterMinutes = 10_081 })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(tooLong.FieldErrors("retireOldAfterMinutes"), Is.Not.Empty);
        Assert.That((await (await Admin.GetAsync("/api/v1/api-keys")).ShouldBe(HttpStatusCode.OK)).GetArrayLength(), Is.EqualTo(before + 1), "only the new key");
    }

    [Test]
    public async Task Revoke_ARotatedKeyStillInItsGrace_EndsItNow()
    {
        var (id, oldKey) = await NewErpKey();
        await (await Admin.PostAsJsonAsync($"/api/v1/api-keys/{id}/rotate", new { retireOldAfterMinutes = 600 })).ShouldBe(HttpStatusCode.Created);

        await (await Admin.DeleteAsync($"/api/v1/api-keys/{id}")).ShouldBe(HttpStatusCode.NoContent);

        using var old = App.ClientWithKey(oldKey);
        await (await old.GetAsync("/api/v1/debtors")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private async Task<(string Id, string Key)> NewErpKey()
    {
        var created = await (await Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = Unique("erp"), role = "erp" })).ShouldBe(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }
}
