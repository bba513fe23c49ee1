using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Collections.SharedKernel.Data;

/// <summary>The database failures the code reacts to; every other one is a defect and stays unclassified.</summary>
public enum DbFailure
{
    Unclassified,

    /// <summary>A unique key or index refused the row: another request wrote it first.</summary>
    UniqueViolation,

    /// <summary>SQL Server chose this transaction as a deadlock victim and rolled it back: retrying succeeds.</summary>
    DeadlockVictim,

    /// <summary>Another write held the lock longer than this one waited; nothing was changed.</summary>
    LockTimeout,
}

/// <summary>
/// Reads a <see cref="DbFailure"/> from each provider's error numbers. Classification works on the numbers,
/// so it is tested without a server and without constructing a <see cref="SqlException"/>.
/// </summary>
public static class DbFailures
{
    private const int SqlServerDeadlockVictim = 1205;
    private const int SqlServerLockTimeout = 1222;
    private const int SqlServerDuplicateKey = 2627;
    private const int SqlServerDuplicateIndex = 2601;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static DbFailure Classify(DbException exception) => exception switch
    {
        SqlException sql => FromSqlServer(sql.Number),
        SqliteException sqlite => FromSqlite(sqlite.SqliteErrorCode, sqlite.SqliteExtendedErrorCode),
        _ => DbFailure.Unclassified,
    };

    public static bool IsUniqueViolation(this DbException exception) => Classify(exception) == DbFailure.UniqueViolation;

    public static DbFailure FromSqlServer(int number) => number switch
    {
        SqlServerDuplicateKey or SqlServerDuplicateIndex => DbFailure.UniqueViolation,
        SqlServerDeadlockVictim => DbFailure.DeadlockVictim,
        SqlServerLockTimeout => DbFailure.LockTimeout,
        _ => DbFailure.Unclassified,
    };

    /// <summary>The extended code tells a unique violation from the NOT NULL, CHECK and foreign-key ones SQLite also reports as code 19.</summary>
    public static DbFailure FromSqlite(int code, int extendedCode) => (code, extendedCode) switch
    {
        (_, SqliteConstraintUnique or SqliteConstraintPrimaryKey) => DbFailure.UniqueViolation,
        (SqliteBusy or SqliteLocked, _) => DbFailure.LockTimeout,
        _ => DbFailure.Unclassified,
    };
}
