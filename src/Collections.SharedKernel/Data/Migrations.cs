using System.Reflection;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.SharedKernel.Data;

/// <summary>Runs every module's FluentMigrator migrations (one C# source, DDL per provider).</summary>
public static class Migrations
{
    public static void Run(DatabaseOptions options, IEnumerable<Assembly> assemblies)
    {
        // Creates the SQLite file's directory and switches it to WAL before the runner connects.
        _ = new DbConnectionFactory(options);

        using var provider = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (options.Provider == DatabaseProvider.Sqlite)
                {
                    runner.AddSQLite();
                }
                else
                {
                    runner.AddSqlServer();
                }

                runner.WithGlobalConnectionString(options.ConnectionString)
                    .ScanIn(assemblies.Distinct().ToArray()).For.Migrations();
            })
            .BuildServiceProvider(false);

        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp();
    }
}
