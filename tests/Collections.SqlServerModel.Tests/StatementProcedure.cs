using System.Text.RegularExpressions;
using Collections.SharedKernel.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Collections.SqlServerModel.Tests;

/// <summary>
/// One SQL constant wrapped as a stored procedure, the form in which DacFx resolves every table,
/// column and alias a statement names: the statement in its SQL Server dialect, each Dapper list
/// (`IN @Ids`) expanded as Dapper expands it, and each parameter declared with the type it arrives as.
/// </summary>
public static partial class StatementProcedure
{
    public static string For(string name, string sql)
    {
        var lists = DapperList().Matches(sql).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var body = ExpandDapperLists(SqlDialect.ToSqlServer(sql));
        var parameters = Parameters(body)
            .Select(parameter => $"@{parameter} {ParameterTypes.Of(ListElement(parameter, lists))}");

        return $"CREATE PROCEDURE [dbo].[{name}]\n    {string.Join(",\n    ", parameters)}\nAS\nBEGIN\n{body}\nEND";
    }

    /// <summary>Dapper sends a list parameter (`IN @Ids`) as `IN (@Ids1, @Ids2, ...)`.</summary>
    public static string ExpandDapperLists(string sql) =>
        DapperList().Replace(sql, "IN (@${1}1, @${1}2, @${1}3)");

    private static IEnumerable<string> Parameters(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Not T-SQL (line {errors[0].Line}: {errors[0].Message}):\n{sql}");
        }

        var visitor = new VariableVisitor();
        fragment.Accept(visitor);
        return visitor.Referenced.Except(visitor.Declared, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static string ListElement(string parameter, HashSet<string> lists)
    {
        var list = lists.FirstOrDefault(l => ElementOf(l).IsMatch(parameter));
        return list is null ? parameter : list.EndsWith('s') ? list[..^1] : list;
    }

    private static Regex ElementOf(string list) => new($"^{Regex.Escape(list)}[0-9]+$");

    [GeneratedRegex(@"\bIN\s+@(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DapperList();

    private sealed class VariableVisitor : TSqlFragmentVisitor
    {
        public List<string> Referenced { get; } = [];

        public List<string> Declared { get; } = [];

        public override void Visit(VariableReference node) => Referenced.Add(node.Name.TrimStart('@'));

        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value.TrimStart('@'));
    }
}
