using Collections.SharedKernel.Data;
using Microsoft.Data.Sqlite;

namespace Collections.Api.Tests.Kernel;

/// <summary>SQL Server takes 2,100 parameters per statement; the embedded database is held to the same limit, so lists are chunked everywhere.</summary>
public sealed class ParameterLimitTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDatabase() => directory = Directory.CreateTempSubdirectory("collections-params-").FullName;

    [TearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task AListOf5000Ids_IsReadInChunks()
    {
        await using var db = await SessionWithItemsAsync(6000);
        var wanted = Enumerable.Range(0, 5000).Select(Id).Append(Id(0)).Append("unknown").ToList();

        var found = await db.QueryByIdsAsync<string>("SELECT id FROM items WHERE id IN @Ids", wanted, ids => new { Ids = ids });

        Assert.That(found, Is.EquivalentTo(Enumerable.Range(0, 5000).Select(Id)));
    }

    [Test]
    public async Task OneStatementWithMoreThan2100Parameters_IsRefused_AsSqlServerWould()
    {
        await using var db = await SessionWithItemsAsync(10);
        var ids = Enumerable.Range(0, DbSession.MaxParameters + 1).Select(Id).ToArray();

        var refused = Assert.ThrowsAsync<SqliteException>(() => db.QueryAsync<string>("SELECT id FROM items WHERE id IN @Ids", new { Ids = ids }));

        Assert.That(refused!.Message, Does.Contain("too many SQL variables"));
    }

    [Test]
    public async Task NoIds_SendNoStatement()
    {
        await using var db = await SessionWithItemsAsync(1);

        var found = await db.QueryByIdsAsync<string>("SELECT id FROM no_such_table WHERE id IN @Ids", [], ids => new { Ids = ids });

        Assert.That(found, Is.Empty);
    }

    private static string Id(int n) => $"itm_{n:D6}";

    private async Task<DbSession> SessionWithItemsAsync(int count)
    {
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(directory, "test.db")}" };
        var db = new DbSession(new DbConnectionFactory(options), new SqlDialect(DatabaseProvider.Sqlite));
        await db.ExecuteAsync("CREATE TABLE items (id TEXT PRIMARY KEY)");
        await db.ExecuteAsync("INSERT INTO items (id) VALUES (@Id)", Enumerable.Range(0, count).Select(n => new { Id = Id(n) }).ToList());
        return db;
    }
}
