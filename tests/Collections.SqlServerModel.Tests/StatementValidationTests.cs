using Collections.Testing;
using Microsoft.SqlServer.Dac;

namespace Collections.SqlServerModel.Tests;

/// <summary>
/// Every SQL statement of every module, resolved by Microsoft's SQL Server engine (DacFx) against the
/// schema the migrations create: a misspelt column, a wrong table or alias, or a construct SQL Server
/// does not know fails here, on a machine with no SQL Server.
/// </summary>
public sealed class StatementValidationTests
{
    private static readonly Lazy<IReadOnlyList<string>> Migrations = new(() => MigrationScript.ForSqlServer(HostAssemblies.All));

    public static IEnumerable<(string Name, string Text)> Statements() => HostAssemblies.All.SelectMany(SqlConstants.In);

    [Test]
    public void EveryStatement_ResolvesAgainstTheMigratedSchema()
    {
        Assert.That(Statements().Count(), Is.GreaterThan(200), "the statements were not found");

        Assert.That(ProblemsWith(Statements()), Is.Empty);
    }

    [Test]
    public void AMisspeltColumn_Fails()
    {
        var problems = ProblemsWith([("Bite.MisspeltColumn", "SELECT id, balanse_minor FROM invoicing_receivables WHERE id = @Id")]);

        Assert.That(problems, Has.Some.Contains("balanse_minor"));
    }

    [Test]
    public void AWrongTable_Fails()
    {
        var problems = ProblemsWith([("Bite.WrongTable", "UPDATE invoicing_invoices SET status = @Status WHERE id = @Id")]);

        Assert.That(problems, Has.Some.Contains("invoicing_invoices"));
    }

    [Test]
    public void AColumnOfAnotherAlias_Fails()
    {
        var problems = ProblemsWith([("Bite.WrongAlias",
            "SELECT d.name, r.number FROM invoicing_debtors d JOIN invoicing_receivables r ON r.debtor_id = d.id WHERE d.due_date < @Today")]);

        Assert.That(problems, Has.Some.Contains("due_date"));
    }

    private static List<string> ProblemsWith(IEnumerable<(string Name, string Text)> statements)
    {
        using var model = SchemaModel.FromMigrations(Migrations.Value);
        foreach (var (name, text) in statements)
        {
            model.AddObjects(StatementProcedure.For(name, text));
        }

        return model.Validate()
            .Where(message => message.MessageType is DacMessageType.Error or DacMessageType.Warning)
            .Select(message => $"SQL{message.Number}: {message.Message}")
            .ToList();
    }
}
