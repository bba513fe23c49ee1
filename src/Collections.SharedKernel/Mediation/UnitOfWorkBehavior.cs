using Collections.SharedKernel.Data;
using MediatR;

namespace Collections.SharedKernel.Mediation;

internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(DbSession session)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is ICommand<TResponse>
            ? session.InTransactionAsync(() => next(), cancellationToken)
            : next();
}
