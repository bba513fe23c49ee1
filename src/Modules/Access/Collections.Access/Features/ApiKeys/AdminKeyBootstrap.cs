using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collections.Access.Features.ApiKeys;

/// <summary>
/// Makes sure someone can administer a new installation: the configured bootstrap key becomes an
/// admin key; without one, the first start with no admin key generates one and prints it once.
/// </summary>
internal static class AdminKeyBootstrap
{
    private const string FindByHashSql = "SELECT COUNT(*) FROM platform_api_keys WHERE key_hash = @Hash";
    private const string ActiveAdminsSql = $"SELECT COUNT(*) FROM platform_api_keys WHERE role = 'admin' AND {ApiKeyStatus.ActiveCondition}";
    private const string InsertSql = """
        INSERT INTO platform_api_keys (id, name, role, key_hash, key_hint, created_at)
        VALUES (@Id, @Name, 'admin', @Hash, @Hint, @Now)
        """;

    public const string Setting = "Collections:BootstrapAdminKey";

    /// <summary>What is wrong with the configured bootstrap key, in any environment: a key that is not one of ours in shape.</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        var adminKey = configuration[Setting];
        if (!string.IsNullOrEmpty(adminKey) && !ApiKeySecret.IsWellFormed(adminKey))
        {
            yield return $"{Setting} must be '{ApiKeySecret.Prefix}' followed by at least {ApiKeySecret.MinimumSecretLength} random characters (letters, digits, '-' or '_').";
        }
    }

    public static async Task EnsureAdminKeyAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var configured = configuration[Setting];

        await db.InTransactionAsync(async () =>
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                if (await db.ExecuteScalarAsync<long>(FindByHashSql, new { Hash = ApiKeySecret.Hash(configured) }) == 0)
                {
                    await Insert(db, time, configured, "bootstrap (from configuration)");
                }

                return true;
            }

            if (await db.ExecuteScalarAsync<long>(ActiveAdminsSql, new { Now = time.GetUtcNow() }) > 0)
            {
                return true;
            }

            // A generated key goes to the console, never through the logger (whose sinks keep it), and only in Development;
            // elsewhere the operator sets one.
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException("No admin API key exists. Set Collections:BootstrapAdminKey (from your secret store) for the first start.");
            }

            var key = ApiKeySecret.Generate();
            await Insert(db, time, key, "bootstrap (generated)");
            Console.WriteLine($"\nNo admin API key existed, so one was generated. It is shown only now:\n\n    {key}\n");
            return true;
        });
    }

    /// <summary>A new admin key for a process of the host's own (the demo book), returned once like any other key.</summary>
    public static async Task<(string Id, string Key)> IssueAsync(IServiceProvider services, string name)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var key = ApiKeySecret.Generate();
        var id = await db.InTransactionAsync(() => Insert(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), key, name));
        return (id, key);
    }

    private static async Task<string> Insert(DbSession db, TimeProvider time, string key, string name)
    {
        var id = Ids.New("key", time);
        await db.ExecuteAsync(InsertSql, new { Id = id, Name = name, Hash = ApiKeySecret.Hash(key), Hint = ApiKeySecret.Hint(key), Now = time.GetUtcNow() });
        return id;
    }
}
