using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Collections.SharedKernel.Data;

public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    DbConnection Create();
}

public sealed class DbConnectionFactory : IDbConnectionFactory
{
    private readonly string connectionString;

    public DbConnectionFactory(DatabaseOptions options)
    {
        Provider = options.Provider;
        connectionString = options.Provider == DatabaseProvider.Sqlite
            ? PrepareSqlite(options.ConnectionString)
            : options.ConnectionString;
    }

    public DatabaseProvider Provider { get; }

    public DbConnection Create() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
        _ => new SqlConnection(connectionString),
    };

    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Pooling = true,
            DefaultTimeout = 60,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();

        // WAL lets readers run beside the single writer; it is a property of the file, set once.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        return builder.ToString();
    }
}
