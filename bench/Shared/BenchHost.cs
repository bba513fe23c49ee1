using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Collections.Bench;

/// <summary>The real API host on Kestrel (a real socket), on its own SQLite file, with logging kept quiet. Shared by the benches.</summary>
internal sealed class BenchHost : WebApplicationFactory<Program>
{
    public const string AdminKey = "ck_bench_admin_key_for_the_benchmark_only";
    private readonly string databasePath;

    public BenchHost(string databasePath)
    {
        this.databasePath = databasePath;

        // The host's appsettings are copied beside the benchmark; without this the factory guesses a path from the solution.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COLLECTIONS_API", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The address Kestrel listens on, for load generators that bring their own connections.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public HttpClient Client()
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Collections", $"Data Source={databasePath}");
        builder.UseSetting("Collections:BootstrapAdminKey", AdminKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Invoicing:LateFees:BackgroundAssessment", "false");
        builder.UseSetting("Portal:BaseUrl", "https://portal.bench.example");
    }
}
