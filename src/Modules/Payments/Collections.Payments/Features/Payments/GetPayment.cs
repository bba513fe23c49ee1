using Collections.Payments.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Payments.Features.Payments;

internal sealed record GetPaymentQuery(string Id) : IRequest<PaymentResponse>;

internal sealed class GetPaymentHandler(PaymentBook book, CallerContext caller) : IRequestHandler<GetPaymentQuery, PaymentResponse>
{
    public async Task<PaymentResponse> Handle(GetPaymentQuery query, CancellationToken cancellationToken)
    {
        var row = await book.FindAsync(query.Id, cancellationToken);
        if (row is null || !caller.Current.CanSee(row.DebtorId))
        {
            throw new NotFoundException("Payment", query.Id);
        }

        return await book.ResponseAsync(row, cancellationToken);
    }
}

internal sealed class GetPaymentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payments/{id}", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetPaymentQuery(id), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetPayment")
            .WithSummary("Get a payment")
            .WithDescription("A payment with its allocations, refunds and remaining account credit. A debtor session sees only its own.")
            .Produces<PaymentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
