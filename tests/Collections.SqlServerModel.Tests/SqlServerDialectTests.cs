using Collections.SharedKernel.Data;

namespace Collections.SqlServerModel.Tests;

/// <summary>The rewrites between the statement as written (SQLite) and as SQL Server receives it.</summary>
public sealed class SqlServerDialectTests
{
    [Test]
    public void ATrailingLimit_BecomesOffsetFetch()
    {
        var rendered = SqlDialect.ToSqlServer("SELECT id FROM t WHERE id > @After ORDER BY id LIMIT @Limit");

        Assert.That(rendered, Is.EqualTo("SELECT id FROM t WHERE id > @After ORDER BY id OFFSET 0 ROWS FETCH NEXT @Limit ROWS ONLY"));
    }

    [Test]
    public void ALimitEndingAnInnerLine_IsLeftAlone()
    {
        const string sql = "SELECT id FROM (SELECT id FROM t ORDER BY id LIMIT 5\n) x ORDER BY id";

        Assert.That(SqlDialect.ToSqlServer(sql), Is.EqualTo(sql), "only the statement's last clause has a SQL Server form; the dialect tests refuse the rest");
    }

    [Test]
    public void ADapperList_IsExpandedAsDapperSendsIt()
    {
        Assert.That(StatementProcedure.ExpandDapperLists("SELECT id FROM t WHERE id IN @Ids AND x = @X"),
            Is.EqualTo("SELECT id FROM t WHERE id IN (@Ids1, @Ids2, @Ids3) AND x = @X"));
    }
}
