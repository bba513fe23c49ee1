using System.Diagnostics;
using System.Diagnostics.Metrics;
using Collections.SharedKernel.Data;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Collections.SharedKernel.Operations;

/// <summary>
/// Leases in platform_job_leases. Each statement runs on its own connection in autocommit, never inside a
/// request's transaction: a lease must be visible to the other instances the moment it is taken.
/// </summary>
public sealed class DatabaseJobLease(IDbConnectionFactory connections, SqlDialect dialect, TimeProvider time, ILogger<DatabaseJobLease> logger) : IJobLease
{
    public static readonly Meter Meter = new("Collections.Jobs");
    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("collections.job.duration", "s", "How long a leased background job ran.");

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
        var now = time.GetUtcNow();
        var args = new { Job = job, Holder = InstanceId, Now = now, Expires = now + duration };
        if (await ExecuteAsync(TakeSql, args, ct) == 0)
        {
            try
            {
                await ExecuteAsync(InsertSql, args, ct);
            }
            catch (System.Data.Common.DbException e) when (e.IsUniqueViolation())
            {
                return null;
            }
        }

        return new LeaseHandle(job, args.Expires, (handle, token) => RenewAsync(handle, duration, token), ReleaseAsync);
    }

    public async Task<bool> RunExclusiveAsync(string job, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken ct = default)
    {
        await using var lease = await TryAcquireAsync(job, duration, ct);
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
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            JobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("job", job));
        }

        return true;
    }

    private async Task KeepRenewedAsync(LeaseHandle lease, TimeSpan every, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(every, time, stop);
                if (!await lease.RenewAsync(stop))
                {
                    logger.LogWarning("Lease {Job} was lost; stopping the job on this instance.", lease.Job);
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped because the work finished.
        }
    }

    private async Task<bool> RenewAsync(LeaseHandle handle, TimeSpan duration, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var renewed = await ExecuteAsync(RenewSql, new { handle.Job, Holder = InstanceId, Now = now, Expires = now + duration }, ct) == 1;
        if (renewed)
        {
            handle.ExpiresAt = now + duration;
        }

        return renewed;
    }

    private async Task ReleaseAsync(LeaseHandle handle) =>
        await ExecuteAsync(ReleaseSql, new { handle.Job, Holder = InstanceId }, CancellationToken.None);

    private async Task<int> ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = connections.Create();
        await connection.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(dialect.Render(sql), args, cancellationToken: ct));
    }
}
