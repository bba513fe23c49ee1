using Collections.Api.Hosting;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Collections.Api.Tests.Host;

/// <summary>An installation that would run unsafely does not start, and says why.</summary>
public sealed class StartupChecksTests
{
    private static readonly string Outbox = Path.Combine(Path.GetTempPath(), "collections-startup-checks");

    private static Dictionary<string, string?> SafeProduction() => new()
    {
        ["Collections:BootstrapAdminKey"] = "ck_" + new string('a', 40),
        ["ConnectionStrings:Collections"] = "Server=sql;Database=collections;User Id=app;Password=S3cure-and-long",
        ["Portal:BaseUrl"] = "https://pay.example.com",
        ["Dunning:OutboxDirectory"] = Outbox,
        ["DataProtection:Certificate:Path"] = TestCertificates.DataProtectionPfx,
        ["DataProtection:Certificate:Password"] = TestCertificates.Password,
    };

    [Test]
    public void SafeProduction_HasNoProblem() =>
        Assert.That(StartupChecks.Problems(Config(SafeProduction()), Environment(Environments.Production)), Is.Empty);

    [TestCase("Collections:BootstrapAdminKey", "ck_change_me_to_a_long_random_admin_key", "example value")]
    [TestCase("ConnectionStrings:Collections", "Server=sql;User Id=sa;Password=CHANGE_ME", "example value")]
    [TestCase("Portal:BaseUrl", "http://localhost:5080", "Portal:BaseUrl")]
    [TestCase("Portal:BaseUrl", "http://pay.example.com", "Portal:BaseUrl")]
    [TestCase("Portal:BaseUrl", null, "Portal:BaseUrl")]
    [TestCase("DataProtection:Certificate:Path", null, "DataProtection:Certificate:Path")]
    [TestCase("DataProtection:Certificate:Path", "/nowhere/keys.pfx", "does not exist")]
    [TestCase("Dunning:OutboxDirectory", "/proc/collections-outbox", "cannot be written")]
    public void Production_RefusesToStart_On(string key, string? value, string named)
    {
        var settings = SafeProduction();
        settings[key] = value;

        Assert.That(StartupChecks.Problems(Config(settings), Environment(Environments.Production)), Has.Some.Contains(named));
    }

    [TestCase("ck_short")]
    [TestCase("sk_live_0123456789012345678901234567890123456789")]
    [TestCase("ck_0123456789 0123456789 0123456789 0123456789")]
    public void AMalformedBootstrapKey_IsRefusedInEveryEnvironment(string key)
    {
        var settings = new Dictionary<string, string?> { ["Collections:BootstrapAdminKey"] = key };

        Assert.That(StartupChecks.Problems(Config(settings), Environment(Environments.Development)), Has.Some.Contains("BootstrapAdminKey"));
    }

    [Test]
    public void Development_AllowsLocalhostAndNoCertificate() =>
        Assert.That(StartupChecks.Problems(Config(new() { ["Portal:BaseUrl"] = "http://localhost:5080" }), Environment(Environments.Development)), Is.Empty);

    [Test]
    public async Task TheHost_InProductionWithAnExampleSecret_DoesNotStart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = CollectionsApp.ProductionSettings();
        settings["Smtp:Password"] = "change_me";
        await using var app = new CollectionsApp(database, settings);

        var refused = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.That(refused!.ToString(), Does.Contain("Smtp:Password"));
    }

    private static IConfiguration Config(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
