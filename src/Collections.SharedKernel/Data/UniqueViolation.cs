using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Collections.SharedKernel.Data;

public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqlServerDuplicateKey = 2627;
    private const int SqlServerDuplicateIndex = 2601;

    public static bool Is(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        SqlException sql => sql.Number is SqlServerDuplicateKey or SqlServerDuplicateIndex,
        _ => false,
    };
}
