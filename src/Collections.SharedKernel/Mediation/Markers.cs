using MediatR;

namespace Collections.SharedKernel.Mediation;

/// <summary>A request that changes state: it runs in one database transaction, committed when the handler returns.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>
/// A command that moves money or creates ERP objects. The same key with the same body replays the
/// first response; the same key with another body is refused.
/// </summary>
public interface IIdempotentCommand<out TResponse> : ICommand<TResponse>
{
    string IdempotencyKey { get; }
}
