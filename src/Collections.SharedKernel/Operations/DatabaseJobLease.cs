using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Collections.SharedKernel.Data;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Collections.SharedKernel.Operations;

/// <summary>
/// Leases in platform_job_leases. Each statement runs on its own connection in autocommit, never inside a
/// request's transaction: a lease must be visible to the other instances the moment it is taken. Expiry is on the
/// database's clock (<see cref="SqlDialect.CurrentUtcTimeQuery"/>), never an instance's, so two instances whose clocks
/// disagree cannot both hold a lease.
/// </summary>
public sealed class DatabaseJobLease(IDbConnectionFactory connections, SqlDialect dialect, ILogger<DatabaseJobLease> logger) : IJobLease
{
    public static readonly Meter Meter = new("Collections.Jobs");
    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("collections.job.duration", "s", "How long a leased background job ran.");

    // @Now is the database's time, read on the same connection just before: a little behind by the time the statement
    // runs, which only makes a take stricter and a lease shorter.
    private const string TakeSql = """
        UPDATE platform_job_leases SET holder = @Holder, acquired_at = @Now, expires_at = @Expires
         WHERE job_name = @Job AND (expires_at <= @Now OR holder = @Holder)
        """;

    private const string InsertSql = """
        INSERT INTO platform_job_leases (job_name, holder, acquired_at, expires_at) VALUES (@Job, @Holder, @Now, @Expires)
        """;

    private const string RenewSql = """
        UPDATE platform_job_leases SET expires_at = @Expires WHERE job_name = @Job AND holder = @Holder AND expires_at > @Now
        """;

    private const string ReleaseSql = "DELETE FROM platform_job_leases WHERE job_name = @Job AND holder = @Holder";

    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"[..^20];

    public async Task<LeaseHandle?> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        await using var connection = await OpenAsync(ct);
        var now = await DatabaseTimeAsync(connection, ct);
        var args = new { Job = job, Holder = InstanceId, Now = now, Expires = now + duration };
        if (await ExecuteAsync(connection, TakeSql, args, ct) == 0)
        {
            try
            {
                await ExecuteAsync(connection, InsertSql, args, ct);
            }
            catch (DbException e) when (e.IsUniqueViolation())
            {
                return null;
            }
        }

        return new LeaseHandle(job, args.Expires, (handle, token) => RenewAsync(handle, duration, token), ReleaseAsync);
    }

    public async Task<bool> RunExclusiveAsync(string job, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken ct = default)
    {
        var lease = await TryAcquireAsync(job, duration, ct);
        if (lease is null)
        {
            return false;
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var renewing = new CancellationTokenSource();
        var renewal = KeepRenewedAsync(lease, duration / 3, lost, renewing.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await work(lost.Token);
        }
        catch (OperationCanceledException cancelled) when (lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Not an OperationCanceledException to the caller: nobody asked it to stop, and a background service that
            // lets one escape its loop is stopped for good.
            throw new LeaseLostException(job, await renewal ?? cancelled);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            JobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("job", job));
            await ReleaseAfterRunAsync(lease);
        }

        return true;
    }

    /// <summary>
    /// Renews every period until stopped. A renewal that finds the lease gone, or that fails (the database unreachable),
    /// cancels the work: this instance can no longer show that it holds the lease, and soon another may. Returns the
    /// renewal's exception, if one failed.
    /// </summary>
    private async Task<Exception?> KeepRenewedAsync(LeaseHandle lease, TimeSpan every, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                // Elapsed real time, not the TimeProvider: the lease runs out on the database's clock.
                await Task.Delay(every, stop);
                bool renewed;
                try
                {
                    renewed = await lease.RenewAsync(stop);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    logger.LogError(e, "Renewing lease {Job} failed; stopping the job on this instance.", lease.Job);
                    await lost.CancelAsync();
                    return e;
                }

                if (!renewed)
                {
                    logger.LogWarning("Lease {Job} was lost; stopping the job on this instance.", lease.Job);
                    await lost.CancelAsync();
                    return null;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<bool> RenewAsync(LeaseHandle handle, TimeSpan duration, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var now = await DatabaseTimeAsync(connection, ct);
        var renewed = await ExecuteAsync(connection, RenewSql, new { handle.Job, Holder = InstanceId, Now = now, Expires = now + duration }, ct) == 1;
        if (renewed)
        {
            handle.ExpiresAt = now + duration;
        }

        return renewed;
    }

    private async Task ReleaseAsync(LeaseHandle handle)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, ReleaseSql, new { handle.Job, Holder = InstanceId }, CancellationToken.None);
    }

    /// <summary>A lease that cannot be released expires on its own; that must not hide how the job itself ended.</summary>
    private async Task ReleaseAfterRunAsync(LeaseHandle lease)
    {
        try
        {
            await lease.DisposeAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Releasing lease {Job} failed; it expires on its own at {ExpiresAt} (database time).", lease.Job, lease.ExpiresAt);
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = connections.Create();
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<DateTimeOffset> DatabaseTimeAsync(DbConnection connection, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<DateTimeOffset>(new CommandDefinition(dialect.CurrentUtcTimeQuery, cancellationToken: ct));

    private async Task<int> ExecuteAsync(DbConnection connection, string sql, object args, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(dialect.Render(sql), args, cancellationToken: ct));
}
