using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Collections.SharedKernel.Data;

/// <summary>
/// SQL is written once, in the subset both databases share, with SQLite's trailing `LIMIT @n`
/// for paging. The SQL Server dialect rewrites that one construct; nothing else differs.
/// </summary>
public sealed partial class SqlDialect
{
    private readonly ConcurrentDictionary<string, string> rendered = new(StringComparer.Ordinal);

    public SqlDialect(DatabaseProvider provider) => Provider = provider;

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// Reads the database's current UTC time. What several instances share (job leases, outbox claims) is timed by it,
    /// so instances whose clocks disagree still agree on when a lease ends. Each provider spells it differently, which is
    /// why it is not one of the shared statements. Callers read it into a DateTimeOffset and pass it on as a parameter,
    /// never compare with it in SQL: on SQLite instants are text, and only the form a parameter is written in sorts in
    /// time order against the stored ones.
    /// </summary>
    public string CurrentUtcTimeQuery => Provider == DatabaseProvider.Sqlite
        ? "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')"
        : "SELECT SYSUTCDATETIME()";

    public string Render(string sql) =>
        Provider == DatabaseProvider.Sqlite ? sql : rendered.GetOrAdd(sql, ToSqlServer);

    public static string ToSqlServer(string sql) =>
        TrailingLimit().Replace(sql, "OFFSET 0 ROWS FETCH NEXT $1 ROWS ONLY");

    [GeneratedRegex(@"\bLIMIT\s+(@\w+|\d+)(?=\s*;?\s*\z)", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLimit();
}
