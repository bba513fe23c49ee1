using System.Text.RegularExpressions;
using Collections.SharedKernel.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Collections.Api.Tests.Architecture;

/// <summary>No SQL Server runs here, so every SQL constant is parsed, as SQL Server will see it, by Microsoft's T-SQL parser.</summary>
public sealed class SqlServerSyntaxTests
{
    private static IEnumerable<TestCaseData> Statements()
    {
        var assemblies = ModuleAssembly.All.Select(m => m.Implementation)
            .Append(typeof(DbSession).Assembly)
            .Append(typeof(Program).Assembly);
        return assemblies.SelectMany(SqlConstants.In).Select(sql => new TestCaseData(sql.Text).SetArgDisplayNames(sql.Name));
    }

    [Test]
    public void SqlConstants_AreFound()
    {
        Assert.That(Statements().Count(), Is.GreaterThan(5));
    }

    [TestCaseSource(nameof(Statements))]
    public void Sql_ParsesAsTSql(string sql)
    {
        var rendered = ExpandDapperLists(SqlDialect.ToSqlServer(sql));
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);

        parser.Parse(new StringReader(rendered), out var errors);

        Assert.That(errors.Select(e => $"line {e.Line}: {e.Message}"), Is.Empty, rendered);
    }

    [Test]
    public void ExpandDapperLists_WritesTheListAsDapperSendsIt()
    {
        Assert.That(ExpandDapperLists("SELECT id FROM t WHERE id IN @Ids AND x = @X"), Is.EqualTo("SELECT id FROM t WHERE id IN (@Ids1, @Ids2) AND x = @X"));
    }

    [Test]
    public void Dialect_RewritesTrailingLimitForSqlServer()
    {
        var rendered = SqlDialect.ToSqlServer("SELECT id FROM t WHERE id > @After ORDER BY id LIMIT @Limit");

        Assert.That(rendered, Is.EqualTo("SELECT id FROM t WHERE id > @After ORDER BY id OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY"));
    }

    /// <summary>Dapper sends a list parameter (`IN @Ids`) as `IN (@Ids1, @Ids2, ...)`: that is what SQL Server parses.</summary>
    private static string ExpandDapperLists(string sql) =>
        Regex.Replace(sql, @"\bIN\s+@(\w+)", "IN (@${1}1, @${1}2)", RegexOptions.IgnoreCase);
}
