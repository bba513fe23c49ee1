using Collections.Invoicing.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Invoicing.Features.Invoices;

internal sealed record GetInvoiceRequest(string Id) : IRequest<InvoiceResponse>;

internal sealed class GetInvoiceHandler(InvoiceReader invoices, InvoiceResponses responses, CallerContext caller) : IRequestHandler<GetInvoiceRequest, InvoiceResponse>
{
    public async Task<InvoiceResponse> Handle(GetInvoiceRequest request, CancellationToken cancellationToken)
    {
        var row = await invoices.FindAsync(request.Id, cancellationToken);
        if (row is null || !caller.Current.CanSee(row.DebtorId))
        {
            throw new NotFoundException("Invoice", request.Id);
        }

        return await responses.ForAsync(row, cancellationToken);
    }
}

internal sealed class GetInvoiceEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/invoices/{id}", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetInvoiceRequest(id), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetInvoice")
            .WithSummary("Get an invoice")
            .WithDescription("An invoice (or late-fee charge) with its balance, status, days overdue today and any early-payment discount on offer.")
            .Produces<InvoiceResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
