using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.Dunning.Tests.Integration;

/// <summary>
/// Holds a run at three points, each until <see cref="Release"/>: where its first batch has committed and the second has
/// not begun, then inside the second batch's transaction, then inside the third's. It tells them apart by the requests the
/// run sends: one outside a transaction after one inside is a new gap between batches, one inside after one outside is a
/// new batch. A run that never leaves its transaction is never held.
/// </summary>
public sealed class BatchBoundary
{
    private static readonly AsyncLocal<Flow?> Watched = new();

    private readonly TaskCompletionSource afterFirstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource insideSecondBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource insideThirdBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool opened;

    public Task AfterFirstBatch => afterFirstBatch.Task;

    public Task InsideSecondBatch => insideSecondBatch.Task;

    public Task InsideThirdBatch => insideThirdBatch.Task;

    /// <summary>Runs work (a dunning run) as the flow this boundary watches; requests from other flows pass untouched.</summary>
    public Task<T> Watch<T>(Func<Task<T>> work) => Task.Run(() =>
    {
        Watched.Value = new Flow();
        return work();
    });

    public void Release() =>
        Interlocked.Exchange(ref released, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Lets the run go on to its end without holding it again (a test that failed midway).</summary>
    public void Open()
    {
        opened = true;
        Release();
    }

    internal async Task PassAsync()
    {
        if (opened || Watched.Value is not { } flow)
        {
            return;
        }

        var inTransaction = DbSession.TransactionOpenInThisFlow;
        if (inTransaction == flow.InBatch)
        {
            return;
        }

        flow.InBatch = inTransaction;
        if (inTransaction)
        {
            flow.Batches++;
        }

        var stop = (inTransaction, flow.Batches) switch
        {
            (false, 1) => afterFirstBatch,
            (true, 2) => insideSecondBatch,
            (true, 3) => insideThirdBatch,
            _ => null,
        };
        if (stop is not null)
        {
            var until = Volatile.Read(ref released).Task;
            stop.TrySetResult();
            await until;
        }
    }

    private sealed class Flow
    {
        public bool InBatch { get; set; }

        public int Batches { get; set; }
    }
}

/// <summary>Puts <see cref="BatchBoundary"/> in front of every request of the app.</summary>
public sealed class HoldAtBatchBoundary<TRequest, TResponse>(BatchBoundary boundary) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        await boundary.PassAsync();
        return await next();
    }
}
