using Collections.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Collections.Testing;

/// <summary>
/// Base for HTTP tests: one app and database per fixture and provider, with a client per role.
/// Tests in a fixture share the database, so each creates the data it needs with unique ids.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public abstract class ApiFixture(DatabaseProvider provider)
{
    private TestDatabase? database;

    protected DatabaseProvider Provider => provider;

    protected CollectionsApp App { get; private set; } = null!;

    protected HttpClient Anonymous { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected HttpClient Erp { get; private set; } = null!;

    protected HttpClient Staff { get; private set; } = null!;

    /// <summary>Settings a fixture needs beyond the defaults (for example a Stripe test double's address).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Replaces services for this fixture's app (for example a recording e-mail sender).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    [OneTimeSetUp]
    public async Task StartApp()
    {
        database = await TestDatabase.CreateAsync(provider);
        App = new CollectionsApp(database, Settings, ConfigureTestServices);
        Anonymous = App.ClientWithKey(null);
        Admin = App.ClientWithKey(CollectionsApp.AdminKey);
        Erp = App.ClientWithKey(await App.CreateApiKeyAsync("erp"));
        Staff = App.ClientWithKey(await App.CreateApiKeyAsync("staff"));
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected static string Unique(string prefix) => TestData.NewExternalId(prefix);
}
