using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Collections.SharedKernel.Data;

/// <summary>Errors that say "another transaction was in the way": the same request succeeds when retried.</summary>
public static class TransientDbError
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqlServerDeadlockVictim = 1205;
    private const int SqlServerLockTimeout = 1222;

    public static bool IsDeadlock(DbException exception) =>
        exception is SqlException sql && sql.Number == SqlServerDeadlockVictim;

    public static bool IsBusy(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        SqlException sql => sql.Number == SqlServerLockTimeout,
        _ => false,
    };
}
