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

    public string Render(string sql) =>
        Provider == DatabaseProvider.Sqlite ? sql : rendered.GetOrAdd(sql, ToSqlServer);

    public static string ToSqlServer(string sql) =>
        TrailingLimit().Replace(sql, "OFFSET 0 ROWS FETCH NEXT $1 ROWS ONLY");

    [GeneratedRegex(@"\bLIMIT\s+(@\w+|\d+)(?=\s*;?\s*\z)", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLimit();
}
