using System.Data.Common;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Operations;
using Collections.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Operations.Tests.Integration;

/// <summary>A leased job whose lease can no longer be renewed stops, whatever the reason the renewal failed.</summary>
public sealed class JobLeaseRenewalTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public void RunExclusive_WhenARenewalThrows_CancelsTheWork()
    {
        var connections = new BreakableConnections(App.Services.GetRequiredService<IDbConnectionFactory>());
        var lease = ActivatorUtilities.CreateInstance<DatabaseJobLease>(App.Services, connections);
        var workCancelled = false;

        var run = lease.RunExclusiveAsync("lease.renewal-test", TimeSpan.FromMilliseconds(600), async token =>
        {
            connections.Broken = true;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(20), token);
            }
            catch (OperationCanceledException)
            {
                workCancelled = true;
                throw;
            }
        });

        var thrown = Assert.ThrowsAsync<LeaseLostException>(async () => await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.That(workCancelled, Is.True, "the work's token was cancelled");
        Assert.That(thrown!.InnerException, Is.InstanceOf<DbException>(), "the failed renewal is the cause");
    }

    /// <summary>The real database until Broken; then one that cannot be reached, whose connections fail to open at once.</summary>
    private sealed class BreakableConnections(IDbConnectionFactory working) : IDbConnectionFactory
    {
        public bool Broken { get; set; }

        public DatabaseProvider Provider => working.Provider;

        public DbConnection Create() =>
            !Broken ? working.Create()
            : Provider == DatabaseProvider.Sqlite ? new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "unreachable.db")};Mode=ReadWrite")
            : new SqlConnection("Server=tcp:127.0.0.1,9;Connect Timeout=2;ConnectRetryCount=0;Encrypt=False");
    }
}
