namespace Collections.SharedKernel.Operations;

/// <summary>
/// A named lease in the database, so a background job runs on one instance at a time. A lease expires on its own
/// when its holder dies; a holder renews it while it works. Expiry is on the database's clock, so an instance whose
/// clock is wrong neither takes a lease early nor keeps one late. See docs/operations.md.
/// </summary>
public interface IJobLease
{
    /// <summary>This instance's holder name (machine, process and a random part), unique per host.</summary>
    string InstanceId { get; }

    /// <summary>Takes the lease if it is free, expired, or already ours; null when another instance holds it.</summary>
    Task<LeaseHandle?> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct = default);

    /// <summary>
    /// Runs work only if the lease can be taken, renewing it every third of its duration and releasing it after.
    /// The work's token is cancelled if a renewal finds the lease lost or fails; work that stops for that ends in a
    /// <see cref="LeaseLostException"/>. Returns false when another instance holds it.
    /// </summary>
    Task<bool> RunExclusiveAsync(string job, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken ct = default);
}

/// <summary>A held lease. Dispose releases it (so the next instance need not wait for the expiry).</summary>
public sealed class LeaseHandle(string job, DateTimeOffset expiresAt, Func<LeaseHandle, CancellationToken, Task<bool>> renew, Func<LeaseHandle, Task> release) : IAsyncDisposable
{
    private int released;

    public string Job { get; } = job;

    public DateTimeOffset ExpiresAt { get; internal set; } = expiresAt;

    /// <summary>Extends the lease by its duration; false when it expired and another instance took it.</summary>
    public Task<bool> RenewAsync(CancellationToken ct = default) => renew(this, ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            await release(this);
        }
    }
}

/// <summary>A job stopped because its lease was lost, or could not be renewed, while it ran; the next run takes it up again.</summary>
public sealed class LeaseLostException(string job, Exception cause)
    : Exception($"The lease {job} was lost or could not be renewed; the job stopped on this instance.", cause)
{
    public string Job { get; } = job;
}
