using Collections.Disputes.Contracts;
using Collections.Disputes.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Disputes.Features.Disputes;

internal sealed record WithdrawDisputeCommand(string Id) : ICommand<DisputeResponse>;

/// <summary>The debtor drops its dispute: the hold is released and the whole balance is collectable again.</summary>
internal sealed class WithdrawDisputeHandler(DisputeStore store, DisputeResponses responses, IMediator mediator, TimeProvider time)
    : IRequestHandler<WithdrawDisputeCommand, DisputeResponse>
{
    public async Task<DisputeResponse> Handle(WithdrawDisputeCommand command, CancellationToken cancellationToken)
    {
        var dispute = await store.VisibleAsync(command.Id, cancellationToken);
        var after = await store.TransitionAsync(dispute, new DisputeChange(DisputeTransitions.Withdraw(dispute)), cancellationToken);
        await mediator.Send(new SetDisputedAmountCommand(after.InvoiceId, 0, after.Id), cancellationToken);
        await mediator.Send(new RecordActivityCommand(after.DebtorId, "dispute.withdrawn",
            $"Dispute {after.Number} on invoice {after.InvoiceNumber} was withdrawn; the hold is released.", after.InvoiceId), cancellationToken);
        await mediator.Publish(new DisputeWithdrawn(after.Id, after.DebtorId, after.InvoiceId, time.GetUtcNow()), cancellationToken);
        return await responses.ForAsync(after, cancellationToken);
    }
}

internal sealed class WithdrawDisputeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disputes/{id}/withdraw", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new WithdrawDisputeCommand(id), ct))
            .RequireAuthorization(Policies.DebtorOrStaff)
            .AcceptsIdempotencyKey()
            .WithName("WithdrawDispute")
            .WithSummary("Withdraw a dispute")
            .WithDescription("Withdraw a dispute that is open or under review (the debtor's own, or staff on its behalf). The hold is released.")
            .Produces<DisputeResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
