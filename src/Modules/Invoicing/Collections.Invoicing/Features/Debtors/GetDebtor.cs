using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Invoicing.Features.Debtors;

internal sealed record GetDebtorRequest(string Id) : IRequest<DebtorResponse>;

internal sealed class GetDebtorHandler(DebtorReader debtors, CallerContext caller) : IRequestHandler<GetDebtorRequest, DebtorResponse>
{
    public async Task<DebtorResponse> Handle(GetDebtorRequest request, CancellationToken cancellationToken)
    {
        var row = await debtors.FindAsync(request.Id, cancellationToken);
        if (row is null || !caller.Current.CanSee(row.Id))
        {
            throw new NotFoundException("Debtor", request.Id);
        }

        var debtor = DebtorResponse.From(row, await debtors.ContactsAsync(row.Id, cancellationToken));
        return caller.Current.IsDebtor ? debtor.ForDebtorSession() : debtor;
    }
}

/// <summary>The contract other modules use: a debtor by id, not scoped to the caller.</summary>
internal sealed class GetDebtorQueryHandler(DebtorReader debtors) : IRequestHandler<GetDebtorQuery, DebtorDto?>
{
    public Task<DebtorDto?> Handle(GetDebtorQuery request, CancellationToken cancellationToken) => debtors.GetAsync(request.DebtorId, cancellationToken);
}

internal sealed class GetDebtorsQueryHandler(DebtorReader debtors) : IRequestHandler<GetDebtorsQuery, IReadOnlyList<DebtorDto>>
{
    public Task<IReadOnlyList<DebtorDto>> Handle(GetDebtorsQuery request, CancellationToken cancellationToken) =>
        debtors.GetManyAsync(request.DebtorIds, cancellationToken);
}

internal sealed class GetDebtorEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/debtors/{id}", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetDebtorRequest(id), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetDebtor")
            .WithSummary("Get a debtor")
            .WithDescription("A debtor with its contacts. A debtor session sees only its own debtor.")
            .Produces<DebtorResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
