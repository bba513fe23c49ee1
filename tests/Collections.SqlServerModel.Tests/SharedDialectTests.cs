using System.Text.RegularExpressions;
using Collections.SharedKernel.Data;
using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Collections.SqlServerModel.Tests;

/// <summary>
/// SQL is written once, in the subset SQLite and SQL Server share. Each place the two differ has one
/// answer, checked here: paging is a trailing LIMIT that SQL Server receives as OFFSET/FETCH; an upsert
/// is an INSERT whose unique violation the caller handles (no MERGE, no ON CONFLICT); concurrency is a
/// conditional UPDATE on a version column (no lock hints); ids are ULID strings (no IDENTITY, no
/// sequences); dates are DATE and instants DATETIME2, by column name. Anything SQLite-only fails here.
/// </summary>
public sealed partial class SharedDialectTests
{
    private static readonly HashSet<string> SharedFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "SUM", "MIN", "MAX", "AVG", "COALESCE", "NULLIF", "ABS", "LOWER", "UPPER", "REPLACE",
    };

    private static readonly Lazy<TSqlModel> Schema = new(() => SchemaModel.FromMigrations(MigrationScript.ForSqlServer(HostAssemblies.All)));

    [Test]
    public void NoStatement_UsesSqliteOnlySyntax()
    {
        var offenders = StatementValidationTests.Statements()
            .SelectMany(statement => SqliteOnlyConstructsIn(statement.Text).Select(construct => $"{statement.Name}: {construct}"));

        Assert.That(offenders, Is.Empty);
    }

    [TestCase("INSERT OR IGNORE INTO t (id) VALUES (@Id)", "INSERT OR")]
    [TestCase("INSERT INTO t (id) VALUES (@Id) ON CONFLICT (id) DO NOTHING", "ON CONFLICT")]
    [TestCase("UPDATE t SET n = n + 1 WHERE id = @Id RETURNING n", "RETURNING")]
    [TestCase("SELECT IFNULL(a, 0) FROM t", "IFNULL")]
    [TestCase("SELECT julianday(@Today) - julianday(due_date) FROM t", "julianday")]
    [TestCase("SELECT name || ' ' || city FROM t", "||")]
    [TestCase("SELECT id FROM (SELECT id FROM t LIMIT 5) x ORDER BY id", "LIMIT")]
    [TestCase("SELECT id FROM t WITH (UPDLOCK) WHERE id = @Id", "UPDLOCK")]
    [TestCase("SELECT LEN(name) FROM t", "LEN")]
    public void ASqliteOrServerOnlyConstruct_Fails(string sql, string construct)
    {
        Assert.That(SqliteOnlyConstructsIn(sql), Has.Some.Contains(construct));
    }

    [Test]
    public void EveryPagedStatement_IsOrderedForOffsetFetch()
    {
        var paged = StatementValidationTests.Statements().Where(s => Regex.IsMatch(s.Text, @"(?<!@)\bLIMIT\b", RegexOptions.IgnoreCase)).ToList();
        Assert.That(paged, Is.Not.Empty, "paged statements were not found");

        foreach (var (name, text) in paged)
        {
            var rendered = SqlDialect.ToSqlServer(text);
            Assert.That(rendered, Does.Match(@"ORDER BY[^;]*OFFSET 0 ROWS FETCH NEXT \S+ ROWS ONLY\s*;?\s*$"), name);
        }
    }

    [Test]
    public void NoColumn_IsAnIdentity()
    {
        var identities = Columns().Where(c => c.Column.GetProperty<bool>(Column.IsIdentity)).Select(c => c.Name);

        Assert.That(identities, Is.Empty, "ids are ULID strings written by the application, on both databases");
    }

    [Test]
    public void DatesAreDate_AndInstantsAreDatetime2()
    {
        var wrong = Columns()
            .Select(c => (c.Name, Type: c.Column.GetReferenced(Column.DataType).Single().Name.Parts[^1]))
            .Where(c => (c.Name.EndsWith("_at", StringComparison.Ordinal) && c.Type != "datetime2")
                || ((c.Name.EndsWith("_on", StringComparison.Ordinal) || c.Name.EndsWith("_date", StringComparison.Ordinal)) && c.Type != "date")
                || c.Type is "datetime" or "smalldatetime" or "datetimeoffset" or "float" or "real" or "money")
            .Select(c => $"{c.Name}: {c.Type}");

        Assert.That(wrong, Is.Empty);
    }

    private static IEnumerable<(string Name, TSqlObject Column)> Columns() =>
        Schema.Value.GetObjects(DacQueryScopes.UserDefined, Table.TypeClass)
            .SelectMany(table => table.GetReferenced(Table.Columns).Select(column => ($"{table.Name.Parts[^1]}.{column.Name.Parts[^1]}", column)));

    private static IEnumerable<string> SqliteOnlyConstructsIn(string sql)
    {
        foreach (Match match in SqliteOnly().Matches(sql))
        {
            yield return match.Value;
        }

        var rendered = StatementProcedure.ExpandDapperLists(SqlDialect.ToSqlServer(sql));
        if (Regex.IsMatch(rendered, @"(?<!@)\bLIMIT\b", RegexOptions.IgnoreCase))
        {
            yield return "LIMIT that is not the statement's last clause (only a trailing LIMIT has a SQL Server form)";
        }

        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(rendered), out var errors);
        if (errors.Count > 0)
        {
            yield return $"not T-SQL: {errors[0].Message}";
            yield break;
        }

        var functions = new FunctionVisitor();
        fragment.Accept(functions);
        foreach (var function in functions.Names.Where(name => !SharedFunctions.Contains(name)))
        {
            yield return $"{function}() is not in the set both databases share";
        }
    }

    [GeneratedRegex(@"\bINSERT\s+OR\b|\bON\s+CONFLICT\b|\bRETURNING\b|\bIFNULL\b|\bGLOB\b|\bAUTOINCREMENT\b|\bPRAGMA\b|\bsqlite_\w+|\bjulianday\b|\bstrftime\b|\|\||\bWITH\s*\(\s*(NOLOCK|UPDLOCK|ROWLOCK|HOLDLOCK|READPAST|TABLOCK)\b|\bMERGE\b|\bIDENTITY\b|\bNEXT\s+VALUE\s+FOR\b|`", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteOnly();

    private sealed class FunctionVisitor : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(FunctionCall node) => Names.Add(node.FunctionName.Value);
    }
}
