using Collections.SharedKernel.Data;

namespace Collections.Testing;

/// <summary>The providers every integration fixture runs on: SQLite always, SQL Server where one is available.</summary>
public static class TestDatabases
{
    public static readonly DatabaseProvider[] All = [DatabaseProvider.Sqlite, DatabaseProvider.SqlServer];
}
