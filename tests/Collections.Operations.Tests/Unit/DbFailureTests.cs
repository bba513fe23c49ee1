using Collections.Api.Hosting;
using Collections.SharedKernel.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Collections.Operations.Tests.Unit;

/// <summary>What each database error number means to the client, without a server and without constructing a SqlException.</summary>
public sealed class DbFailureTests
{
    [TestCase(1205, DbFailure.DeadlockVictim)]
    [TestCase(1222, DbFailure.LockTimeout)]
    [TestCase(2627, DbFailure.UniqueViolation)]
    [TestCase(2601, DbFailure.UniqueViolation)]
    [TestCase(547, DbFailure.Unclassified)]
    [TestCase(2628, DbFailure.Unclassified)]
    [TestCase(8152, DbFailure.Unclassified)]
    [TestCase(208, DbFailure.Unclassified)]
    public void SqlServerNumbers(int number, DbFailure expected)
    {
        Assert.That(DbFailures.FromSqlServer(number), Is.EqualTo(expected));
    }

    [TestCase(19, 2067, DbFailure.UniqueViolation)]
    [TestCase(19, 1555, DbFailure.UniqueViolation)]
    [TestCase(19, 1299, DbFailure.Unclassified)]
    [TestCase(19, 787, DbFailure.Unclassified)]
    [TestCase(19, 275, DbFailure.Unclassified)]
    [TestCase(5, 5, DbFailure.LockTimeout)]
    [TestCase(5, 517, DbFailure.LockTimeout)]
    [TestCase(6, 6, DbFailure.LockTimeout)]
    [TestCase(1, 1, DbFailure.Unclassified)]
    public void SqliteCodes(int code, int extendedCode, DbFailure expected)
    {
        Assert.That(DbFailures.FromSqlite(code, extendedCode), Is.EqualTo(expected));
    }

    [Test]
    public void ASqliteException_IsClassifiedByItsExtendedCode()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new SqliteException("UNIQUE constraint failed", 19, 2067).IsUniqueViolation(), Is.True);
            Assert.That(new SqliteException("NOT NULL constraint failed", 19, 1299).IsUniqueViolation(), Is.False);
        });
    }

    [Test]
    public void SqliteItself_ReportsAUniqueViolationAsOne_AndANotNullViolationAsADefect()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE)");
        Execute(connection, "INSERT INTO t VALUES ('1', 'A')");

        Assert.Multiple(() =>
        {
            Assert.That(FailureOf(() => Execute(connection, "INSERT INTO t VALUES ('2', 'A')")), Is.EqualTo(DbFailure.UniqueViolation));
            Assert.That(FailureOf(() => Execute(connection, "INSERT INTO t VALUES ('1', 'B')")), Is.EqualTo(DbFailure.UniqueViolation));
            Assert.That(FailureOf(() => Execute(connection, "INSERT INTO t VALUES ('3', NULL)")), Is.EqualTo(DbFailure.Unclassified));
        });
    }

    [TestCase(DbFailure.DeadlockVictim, StatusCodes.Status409Conflict)]
    [TestCase(DbFailure.UniqueViolation, StatusCodes.Status409Conflict)]
    [TestCase(DbFailure.LockTimeout, StatusCodes.Status503ServiceUnavailable)]
    public void ARetryableFailure_TellsTheClientToRetry(DbFailure failure, int status)
    {
        var problem = ProblemExceptionHandler.ForDatabase(failure)!;

        Assert.That(problem.Status, Is.EqualTo(status));
        Assert.That(problem.Detail, Does.Contain("Retry"));
    }

    [Test]
    public void AnUnclassifiedFailure_IsNotMappedToARetry()
    {
        Assert.That(ProblemExceptionHandler.ForDatabase(DbFailure.Unclassified), Is.Null);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DbFailure FailureOf(Action write) => DbFailures.Classify(Assert.Throws<SqliteException>(() => write())!);
}
