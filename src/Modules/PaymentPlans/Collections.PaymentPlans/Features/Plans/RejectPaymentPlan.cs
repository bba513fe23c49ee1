using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.PaymentPlans.Features.Plans;

public sealed record RejectPaymentPlanRequest(string? Reason);

internal sealed record RejectPaymentPlanCommand(string PlanId, string? Reason) : ICommand<PaymentPlanResponse>;

internal sealed class RejectPaymentPlanValidator : AbstractValidator<RejectPaymentPlanCommand>
{
    public RejectPaymentPlanValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

internal sealed class RejectPaymentPlanHandler(PlanStore store, PlanLifecycle lifecycle) : IRequestHandler<RejectPaymentPlanCommand, PaymentPlanResponse>
{
    public async Task<PaymentPlanResponse> Handle(RejectPaymentPlanCommand command, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(command.PlanId, cancellationToken) ?? throw new NotFoundException("Payment plan", command.PlanId);
        if (loaded.Plan.Status != PaymentPlanStatuses.Proposed)
        {
            throw new ConflictException($"Payment plan {loaded.Plan.Id} is {loaded.Plan.Status}; only a proposed plan can be rejected.");
        }

        await lifecycle.CloseAsync(loaded, PaymentPlanStatuses.Rejected, command.Reason!.Trim(), loaded.Plan.PaidMinor, cancellationToken);
        return PaymentPlanResponse.From((await store.FindAsync(command.PlanId, cancellationToken))!);
    }
}

internal sealed class RejectPaymentPlanEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payment-plans/{id}/reject", (string id, RejectPaymentPlanRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new RejectPaymentPlanCommand(id, request.Reason), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("RejectPaymentPlan")
            .WithSummary("Reject a payment plan")
            .WithDescription("Reject a proposed plan, with the reason the debtor will be given.")
            .Produces<PaymentPlanResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
