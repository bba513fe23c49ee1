using Collections.Access;
using Collections.Api.Hosting;
using Collections.SharedKernel.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

namespace Collections.Api.Features.Demo;

/// <summary>
/// The demo book in Development only: told on the first start (no SQLite database yet) and by `dotnet run -- demo`,
/// which starts over from a fresh database. Never in another environment, never on SQL Server.
/// </summary>
internal sealed class DemoStartup(ShiftedClock clock)
{
    public const string Command = "demo";

    /// <summary>
    /// Decides before the platform opens the database (so a first start is still recognisable) and puts the story's clock
    /// in place of the system's.
    /// </summary>
    public static DemoStartup? Configure(WebApplicationBuilder builder, string[] args)
    {
        var asked = args.Contains(Command, StringComparer.OrdinalIgnoreCase);
        var database = PlatformSetup.ReadDatabaseOptions(builder.Configuration);
        if (!builder.Environment.IsDevelopment() || database.Provider != DatabaseProvider.Sqlite)
        {
            return asked
                ? throw new InvalidOperationException("The demo book is told only in Development on the embedded SQLite database; it never touches another database.")
                : null;
        }

        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        if (asked)
        {
            foreach (var part in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(part);
            }
        }
        else if (File.Exists(file))
        {
            return null;
        }

        var clock = new ShiftedClock();
        clock.StartAt(clock.GetUtcNow() - DemoBook.StoryLength);
        builder.Services.AddSingleton<TimeProvider>(clock);
        return new DemoStartup(clock);
    }

    /// <summary>Tells the story through the running host's own HTTP API, then prints where to look.</summary>
    public async Task TellAsync(WebApplication app)
    {
        var address = LocalAddress(app);
        var (keyId, key) = await AccessModule.IssueAdminKeyAsync(app.Services, "demo book (revoked when told)");
        HttpClient ClientWith(string token) => new() { BaseAddress = address, DefaultRequestHeaders = { Authorization = new("Bearer", token) } };
        try
        {
            var summary = await new DemoBook(ClientWith, key, clock).TellAsync(app.Lifetime.ApplicationStopping);
            clock.Resume();
            using var client = ClientWith(key);
            (await client.DeleteAsync($"/api/v1/api-keys/{keyId}")).EnsureSuccessStatusCode();
#pragma warning disable CA1848 // Printed once, for the newcomer at the console.
            app.Logger.LogWarning(
                "The demo book is ready: {Debtors} debtors and {Invoices} invoices over the last {Days} days.\n\n"
                + "    Dashboard:  {Dashboard}\n    Swagger:    {Swagger}\n    Portal of {Debtor}:\n                {PortalLink}\n\n"
                + "Sign in to the dashboard and Swagger with the admin key printed above. `dotnet run -- demo` starts the book over.",
                summary.Debtors, summary.Invoices, (int)DemoBook.StoryLength.TotalDays,
                new Uri(address, "/insights/"), new Uri(address, "/swagger"), summary.PortalDebtor, summary.PortalLink);
#pragma warning restore CA1848
        }
        finally
        {
            clock.Resume();
        }
    }

    private static Uri LocalAddress(WebApplication app)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 1 : 0)
            .First();
        var uri = new UriBuilder(bound.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }
}
