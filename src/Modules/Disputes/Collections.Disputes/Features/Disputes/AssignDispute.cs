using Collections.Disputes.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Disputes.Features.Disputes;

public sealed record AssignDisputeRequest(string? Assignee);

internal sealed record AssignDisputeCommand(string Id, string Assignee) : ICommand<DisputeResponse>;

internal sealed class AssignDisputeValidator : AbstractValidator<AssignDisputeCommand>
{
    public AssignDisputeValidator() => RuleFor(c => c.Assignee).NotEmpty().MaximumLength(200);
}

/// <summary>Assigning puts the dispute under review; reassigning keeps it there.</summary>
internal sealed class AssignDisputeHandler(DisputeStore store, DisputeResponses responses, IMediator mediator) : IRequestHandler<AssignDisputeCommand, DisputeResponse>
{
    public async Task<DisputeResponse> Handle(AssignDisputeCommand command, CancellationToken cancellationToken)
    {
        var dispute = await store.VisibleAsync(command.Id, cancellationToken);
        var assignee = command.Assignee.Trim();
        var after = await store.TransitionAsync(dispute, new DisputeChange(DisputeTransitions.Assign(dispute), $"Assigned to {assignee}", Assignee: assignee), cancellationToken);
        await mediator.Send(new RecordActivityCommand(after.DebtorId, "dispute.under_review",
            $"Dispute {after.Number} on invoice {after.InvoiceNumber} is under review.", after.InvoiceId), cancellationToken);
        return await responses.ForAsync(after, cancellationToken);
    }
}

internal sealed class AssignDisputeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disputes/{id}/assign", (string id, AssignDisputeRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new AssignDisputeCommand(id, request.Assignee ?? string.Empty), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("AssignDispute")
            .WithSummary("Assign a dispute")
            .WithDescription("Assign a dispute to a member of staff; it moves from open to under_review.")
            .Produces<DisputeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
