using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Collections.SharedKernel.Data;

/// <summary>
/// The one connection and (for commands) the one transaction of a request scope. Every handler
/// and notification handler in the scope shares it, so a reaction commits atomically with its cause.
/// </summary>
public sealed class DbSession(IDbConnectionFactory factory, SqlDialect dialect) : IAsyncDisposable
{
    /// <summary>The meter of the data layer; <c>collections.db.commands</c> counts the SQL commands sent.</summary>
    public const string MeterName = "Collections.Data";

    /// <summary>
    /// SQL Server takes at most 2,100 parameters in one statement; SQLite is held to the same limit, so a list that
    /// would break on SQL Server breaks on every machine. A list of ids goes a chunk of this many at a time.
    /// </summary>
    public const int MaxParameters = 2100;

    public const int IdsPerStatement = 1000;

    private static readonly Counter<long> Commands = new Meter(MeterName).CreateCounter<long>("collections.db.commands", description: "SQL commands sent");

    private static readonly AsyncLocal<DbSession?> TransactionOfThisFlow = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    private const int SqliteBusy = 5;

    private DbConnection? connection;

    public DbTransaction? Transaction { get; private set; }

    public SqlDialect Dialect => dialect;

    public DatabaseProvider Provider => dialect.Provider;

    public bool InTransaction => Transaction is not null;

    /// <summary>
    /// Whether the calling code runs inside an open transaction, whichever scope opened it. Calls to the outside world
    /// (Stripe, SMTP, webhooks) refuse to run then: a slow or failed call must never hold the database, and a commit that
    /// fails after the call succeeded must never forget what the world already did.
    /// </summary>
    public static bool TransactionOpenInThisFlow => TransactionOfThisFlow.Value?.InTransaction == true;

    /// <summary>Throws when an external call is about to be made inside a transaction (see <see cref="TransactionOpenInThisFlow"/>).</summary>
    public static void EnsureNoTransaction(string call)
    {
        if (TransactionOpenInThisFlow)
        {
            throw new InvalidOperationException($"{call} was called inside a database transaction. Commit the intent first, call, then commit the result.");
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (connection is null)
        {
            connection = factory.Create();
            await connection.OpenAsync(ct);
            if (dialect.Provider == DatabaseProvider.Sqlite)
            {
                // Per connection. synchronous stays FULL: under WAL, NORMAL may roll back acknowledged commits (a recorded
                // payment, a settled webhook) on power loss. A bigger page cache keeps a batch's dirty pages in memory instead
                // of spilling them mid-transaction; temp_store=MEMORY keeps the statement journal a savepoint needs (the batch
                // import's) out of a temp file.
                await using var pragmas = connection.CreateCommand();
                pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA cache_size=-32000; PRAGMA temp_store=MEMORY;";
                await pragmas.ExecuteNonQueryAsync(ct);
                SQLitePCL.raw.sqlite3_limit(((Microsoft.Data.Sqlite.SqliteConnection)connection).Handle, SQLitePCL.raw.SQLITE_LIMIT_VARIABLE_NUMBER, MaxParameters);
            }
        }

        return connection;
    }

    /// <summary>Runs work inside the scope's transaction, starting (and committing) one only if none is open.</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct = default)
    {
        if (Transaction is not null)
        {
            return await work();
        }

        var open = await OpenAsync(ct);
        var writers = await EnterSqliteWritersAsync(open, ct);
        try
        {
            // SQLite: BEGIN IMMEDIATE takes the write lock up front, so racing writers queue instead of failing.
            Transaction = await open.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            TransactionOfThisFlow.Value = this;
            try
            {
                var result = await work();
                await Transaction.CommitAsync(ct);
                return result;
            }
            catch
            {
                await Transaction.RollbackAsync(CancellationToken.None);
                throw;
            }
            finally
            {
                await Transaction.DisposeAsync();
                Transaction = null;
            }
        }
        finally
        {
            writers?.Release();
        }
    }

    /// <summary>
    /// SQLite hands its write lock to whichever waiting connection polls first (Microsoft.Data.Sqlite retries every 150 ms),
    /// so a payment could sleep through every short gap between a long job's batches until the job ends. The transactions
    /// of this process queue here in arrival order instead; SQLite runs as one instance, so they are all its writers.
    /// Waiting longer than the connection's busy timeout fails as SQLite itself would (a lock timeout).
    /// </summary>
    private static async Task<SemaphoreSlim?> EnterSqliteWritersAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return null;
        }

        var writers = SqliteWriters.GetOrAdd(sqlite.ConnectionString, _ => new SemaphoreSlim(1, 1));
        if (!await writers.WaitAsync(TimeSpan.FromSeconds(sqlite.DefaultTimeout), ct))
        {
            throw new SqliteException("database is locked: another transaction of this process held it longer than the busy timeout", SqliteBusy);
        }

        return writers;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await OpenAsync(ct);
        var rows = await db.QueryAsync<T>(Command(sql, param, ct));
        return rows.AsList();
    }

    /// <summary>A query with an <c>IN @Ids</c> list of any length: distinct ids, <see cref="IdsPerStatement"/> per statement.</summary>
    public async Task<IReadOnlyList<T>> QueryByIdsAsync<T>(string sql, IEnumerable<string> ids, Func<string[], object> param, CancellationToken ct = default)
    {
        var rows = new List<T>();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerStatement))
        {
            rows.AddRange(await QueryAsync<T>(sql, param(chunk), ct));
        }

        return rows;
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await OpenAsync(ct);
        return await db.QuerySingleOrDefaultAsync<T>(Command(sql, param, ct));
    }

    public async Task<T?> QueryFirstOrDefaultAsync<T>(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await OpenAsync(ct);
        return await db.QueryFirstOrDefaultAsync<T>(Command(sql, param, ct));
    }

    public async Task<T> ExecuteScalarAsync<T>(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await OpenAsync(ct);
        return (await db.ExecuteScalarAsync<T>(Command(sql, param, ct)))!;
    }

    /// <summary>The database's clock, not this instance's (see <see cref="SqlDialect.CurrentUtcTimeQuery"/>).</summary>
    public Task<DateTimeOffset> DatabaseTimeAsync(CancellationToken ct = default) => ExecuteScalarAsync<DateTimeOffset>(dialect.CurrentUtcTimeQuery, null, ct);

    public async Task<int> ExecuteAsync(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await OpenAsync(ct);
        return await db.ExecuteAsync(Command(sql, param, ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    private CommandDefinition Command(string sql, object? param, CancellationToken ct)
    {
        Commands.Add(1);
        return new(dialect.Render(sql), param, Transaction, cancellationToken: ct);
    }
}
