using Collections.Dunning.Domain;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Promises;

internal sealed record ListPromisesQuery(string DebtorId) : IRequest<IReadOnlyList<PromiseResponse>>;

internal sealed class ListPromisesHandler(DbSession db, CallerContext caller) : IRequestHandler<ListPromisesQuery, IReadOnlyList<PromiseResponse>>
{
    private const string ListSql = "SELECT " + PromiseRow.Columns + " FROM dunning_promises WHERE debtor_id = @DebtorId ORDER BY id DESC";

    public async Task<IReadOnlyList<PromiseResponse>> Handle(ListPromisesQuery request, CancellationToken cancellationToken)
    {
        if (!caller.Current.CanSee(request.DebtorId))
        {
            throw new NotFoundException("Debtor", request.DebtorId);
        }

        return (await db.QueryAsync<PromiseRow>(ListSql, new { request.DebtorId }, cancellationToken)).Select(PromiseResponse.From).ToList();
    }
}

internal sealed class ListPromisesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/promises", (string debtorId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListPromisesQuery(debtorId), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("ListPromisesToPay")
            .WithSummary("List promises to pay")
            .WithDescription("A debtor's promises to pay, newest first, with how much was paid against each.")
            .Produces<IReadOnlyList<PromiseResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
