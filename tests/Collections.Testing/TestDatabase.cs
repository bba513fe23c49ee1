using Collections.SharedKernel.Data;
using DotNet.Testcontainers.Builders;
using Microsoft.Data.SqlClient;
using NUnit.Framework;
using Testcontainers.MsSql;

namespace Collections.Testing;

/// <summary>
/// A fresh database for one test fixture: a SQLite file always; SQL Server from
/// COLLECTIONS_TEST_SQLSERVER or, where Docker runs, a Testcontainers SQL Server shared by the run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string SqlServerVariable = "COLLECTIONS_TEST_SQLSERVER";

    private static readonly SemaphoreSlim ContainerLock = new(1, 1);
    private static MsSqlContainer? container;
    private static string? containerFailure;

    private readonly string? sqliteDirectory;
    private readonly string? sqlServerMaster;
    private readonly string? sqlServerDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory = null, string? master = null, string? database = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteDirectory = sqliteDirectory;
        sqlServerMaster = master;
        sqlServerDatabase = database;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    /// <summary>Creates the database, or marks the calling fixture ignored when SQL Server is not available here.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "collections-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "collections.db")}", sqliteDirectory: directory);
        }

        var master = Environment.GetEnvironmentVariable(SqlServerVariable) ?? await StartContainerAsync();
        var name = "collections_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new SqlConnection(master))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE [{name}]";
            await command.ExecuteNonQueryAsync();
        }

        var builder = new SqlConnectionStringBuilder(master) { InitialCatalog = name };
        return new TestDatabase(provider, builder.ConnectionString, master: master, database: name);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind.
            }
        }

        if (sqlServerMaster is not null)
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(sqlServerMaster);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"ALTER DATABASE [{sqlServerDatabase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{sqlServerDatabase}]";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string> StartContainerAsync()
    {
        await ContainerLock.WaitAsync();
        try
        {
            if (containerFailure is not null)
            {
                Assert.Ignore(containerFailure);
            }

            if (container is null)
            {
                try
                {
                    var started = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
                    await started.StartAsync();
                    container = started;
                }
                catch (Exception exception) when (exception is DockerUnavailableException or ArgumentException or InvalidOperationException)
                {
                    containerFailure = $"SQL Server tests skipped: no Docker engine is available ({exception.GetType().Name}) and {SqlServerVariable} is not set to a SQL Server connection string.";
                    Assert.Ignore(containerFailure);
                }
            }

            return container!.GetConnectionString();
        }
        finally
        {
            ContainerLock.Release();
        }
    }
}
