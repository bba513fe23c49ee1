using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

public sealed class ApiKeyLifecycleTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task CreateUseRevoke_WhenKeyRevoked_IsRefusedFromThenOn()
    {
        var created = await (await Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "new admin", role = "admin" })).ShouldBe(HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        Assert.That(key, Does.StartWith("ck_").And.Length.GreaterThanOrEqualTo(3 + 43), "256 random bits, base64url");
        Assert.That(created.GetProperty("role").GetString(), Is.EqualTo("admin"));

        using var client = App.ClientWithKey(key);
        await (await client.GetAsync("/api/v1/api-keys")).ShouldBe(HttpStatusCode.OK);

        await (await Admin.DeleteAsync($"/api/v1/api-keys/{id}")).ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/v1/api-keys")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var listed = await (await Admin.GetAsync("/api/v1/api-keys")).ShouldBe(HttpStatusCode.OK);
        var revoked = listed.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.That(revoked.GetProperty("revokedAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task List_NeverShowsTheKeyOrItsHash()
    {
        var key = await App.CreateApiKeyAsync("erp", "list check");

        var body = await (await Admin.GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync();

        Assert.That(body, Does.Not.Contain(key));
        Assert.That(body, Does.Not.Contain("hash").IgnoreCase);
    }

    [Test]
    public async Task Revoke_WhenUnknownId_Is404()
    {
        await (await Admin.DeleteAsync("/api/v1/api-keys/key_missing")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Create_WhenRoleUnknown_Is400AndNothingCreated()
    {
        var before = (await (await Admin.GetAsync("/api/v1/api-keys")).ShouldBe(HttpStatusCode.OK)).GetArrayLength();

        await (await Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "superuser" })).ShouldBeProblem(HttpStatusCode.BadRequest);

        var after = (await (await Admin.GetAsync("/api/v1/api-keys")).ShouldBe(HttpStatusCode.OK)).GetArrayLength();
        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public async Task Create_WhenNameMissing_Is400WithFieldError()
    {
        var problem = await (await Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "", role = "erp" })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.FieldErrors("name"), Is.Not.Empty);
    }

    [Test]
    public async Task ErpKey_CannotCreateKeys_StaffKeyCannotEither()
    {
        await (await Erp.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "erp" })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
