using System.Net.Http.Headers;
using System.Net.Http.Json;
using Collections.Testing.Contract;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collections.Testing;

/// <summary>The real host, in memory, on a test database, with a fake clock and a known admin key.</summary>
public sealed class CollectionsApp(
    TestDatabase database,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? testServices = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "ck_test_admin_key_for_the_test_suite_only";

    /// <summary>Settings with which the host passes Production's start-up checks; add to them what a test is about.</summary>
    public static Dictionary<string, string?> ProductionSettings() => new()
    {
        ["environment"] = "Production",
        ["Portal:BaseUrl"] = "https://pay.example.com",
        ["DataProtection:Certificate:Path"] = TestCertificates.DataProtectionPfx,
        ["DataProtection:Certificate:Password"] = TestCertificates.Password,
        ["Dunning:OutboxDirectory"] = Path.Combine(Path.GetTempPath(), "collections-production-outbox"),
    };

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TestDatabase Database => database;

    /// <summary>A client whose every /api response is checked against the published contract.</summary>
    public new HttpClient CreateClient() => CreateClient(ClientOptions);

    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        List<DelegatingHandler> handlers = [];
        if (options.AllowAutoRedirect)
        {
            handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        }

        if (options.HandleCookies)
        {
            handlers.Add(new CookieContainerHandler());
        }

        handlers.Add(new ContractCheckingHandler());
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    public HttpClient ClientWithKey(string? bearer)
    {
        var client = CreateClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public async Task<string> CreateApiKeyAsync(string role, string name = "test")
    {
        using var admin = ClientWithKey(AdminKey);
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name, role });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedKey>();
        return created!.Key;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Collections", database.ConnectionString);
        builder.UseSetting("Collections:BootstrapAdminKey", AdminKey);

        // Fixtures share one clock that cannot go back, so they look ahead by asOf; AsOfLimitTests restores the default.
        builder.UseSetting("Collections:MaxAsOfDaysAhead", "36500");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            testServices?.Invoke(services);
        });
    }

    private sealed record CreatedKey(string Key);
}
