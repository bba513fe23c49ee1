using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Collections.SqlServerModel.Tests;

/// <summary>
/// Microsoft's SQL Server schema engine (DacFx), loaded with the schema the migrations create: tables
/// and indexes as SQL Server 2022 would hold them after <c>MigrateUp</c>. DacFx takes only the final
/// shape of each object, so the migrations' <c>ALTER TABLE ... ADD / DROP / ALTER COLUMN</c> steps are folded into their
/// <c>CREATE TABLE</c>, and data steps (seed rows, the version table) are left out.
/// </summary>
public static class SchemaModel
{
    public static TSqlModel FromMigrations(IEnumerable<string> batches)
    {
        var tables = new Dictionary<string, CreateTableStatement>(StringComparer.OrdinalIgnoreCase);
        var indexes = new List<CreateIndexStatement>();
        foreach (var statement in batches.SelectMany(Parse))
        {
            switch (statement)
            {
                case CreateTableStatement create:
                    tables.Add(NameOf(create.SchemaObjectName), create);
                    break;
                case AlterTableAddTableElementStatement add:
                    var definition = tables[NameOf(add.SchemaObjectName)].Definition;
                    foreach (var column in add.Definition.ColumnDefinitions)
                    {
                        definition.ColumnDefinitions.Add(column);
                    }

                    foreach (var constraint in add.Definition.TableConstraints)
                    {
                        definition.TableConstraints.Add(constraint);
                    }

                    break;
                case AlterTableDropTableElementStatement drop:
                    var columns = tables[NameOf(drop.SchemaObjectName)].Definition.ColumnDefinitions;
                    foreach (var element in drop.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
                    {
                        columns.Remove(columns.Single(c => string.Equals(c.ColumnIdentifier.Value, element.Name.Value, StringComparison.OrdinalIgnoreCase)));
                    }

                    break;
                case AlterTableAlterColumnStatement alter when alter.DataType is not null:
                    var altered = tables[NameOf(alter.SchemaObjectName)].Definition.ColumnDefinitions
                        .Single(c => string.Equals(c.ColumnIdentifier.Value, alter.ColumnIdentifier.Value, StringComparison.OrdinalIgnoreCase));
                    altered.DataType = alter.DataType;
                    if (alter.AlterTableAlterColumnOption is AlterTableAlterColumnOption.Null or AlterTableAlterColumnOption.NotNull)
                    {
                        foreach (var nullable in altered.Constraints.OfType<NullableConstraintDefinition>())
                        {
                            nullable.Nullable = alter.AlterTableAlterColumnOption == AlterTableAlterColumnOption.Null;
                        }
                    }

                    break;
                case CreateIndexStatement index:
                    indexes.Add(index);
                    break;
                case InsertStatement or UpdateStatement or DeleteStatement or DeclareVariableStatement or SetVariableStatement or SelectStatement or ExecuteStatement:
                    break;
                default:
                    throw new NotSupportedException($"The schema model cannot fold this migration statement yet: {Script(statement)}");
            }
        }

        var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        foreach (var (name, table) in tables)
        {
            model.AddObjects(Script(table));
        }

        foreach (var index in indexes)
        {
            model.AddObjects(Script(index));
        }

        return model;
    }

    public static IEnumerable<TSqlStatement> Parse(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Not T-SQL (line {errors[0].Line}: {errors[0].Message}): {sql}");
        }

        return ((TSqlScript)fragment).Batches.SelectMany(batch => batch.Statements);
    }

    public static string Script(TSqlFragment fragment)
    {
        new Sql160ScriptGenerator().GenerateScript(fragment, out var script);
        return script;
    }

    private static string NameOf(SchemaObjectName name) => name.BaseIdentifier.Value;
}
