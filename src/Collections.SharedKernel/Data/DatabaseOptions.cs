namespace Collections.SharedKernel.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/collections.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>Run migrations when the host starts. Turn off when a separate `migrate` step runs them.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
