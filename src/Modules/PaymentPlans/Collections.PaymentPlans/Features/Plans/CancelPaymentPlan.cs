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

public sealed record CancelPaymentPlanRequest(string? Reason);

internal sealed record CancelPaymentPlanCommand(string PlanId, string? Reason) : ICommand<PaymentPlanResponse>;

internal sealed class CancelPaymentPlanValidator : AbstractValidator<CancelPaymentPlanCommand>
{
    public CancelPaymentPlanValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

/// <summary>Staff may cancel a proposed or active plan; a debtor may withdraw only its own plan while it is still proposed.</summary>
internal sealed class CancelPaymentPlanHandler(PlanStore store, PlanLifecycle lifecycle, CallerContext caller) : IRequestHandler<CancelPaymentPlanCommand, PaymentPlanResponse>
{
    public async Task<PaymentPlanResponse> Handle(CancelPaymentPlanCommand command, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(command.PlanId, cancellationToken);
        if (loaded is null || !caller.Current.CanSee(loaded.Plan.DebtorId))
        {
            throw new NotFoundException("Payment plan", command.PlanId);
        }

        var status = loaded.Plan.Status;
        if (caller.Current.IsDebtor && status != PaymentPlanStatuses.Proposed)
        {
            throw new ConflictException("Only a plan that is still awaiting approval can be withdrawn here; please contact us about an active plan.");
        }

        if (status is not (PaymentPlanStatuses.Proposed or PaymentPlanStatuses.Active))
        {
            throw new ConflictException($"Payment plan {loaded.Plan.Id} is already {status}.");
        }

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? (caller.Current.IsDebtor ? "Withdrawn by the debtor" : "Cancelled by staff") : command.Reason.Trim();
        await lifecycle.CloseAsync(loaded, PaymentPlanStatuses.Cancelled, reason, loaded.Plan.PaidMinor, cancellationToken);
        return PaymentPlanResponse.From((await store.FindAsync(command.PlanId, cancellationToken))!);
    }
}

internal sealed class CancelPaymentPlanEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payment-plans/{id}/cancel", (string id, CancelPaymentPlanRequest? request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new CancelPaymentPlanCommand(id, request?.Reason), ct))
            .RequireAuthorization(Policies.DebtorOrStaff)
            .AcceptsIdempotencyKey()
            .WithName("CancelPaymentPlan")
            .WithSummary("Cancel a payment plan")
            .WithDescription("Cancel a plan (staff), or withdraw a proposed one (debtor). An active plan's invoices return to normal collection.")
            .Produces<PaymentPlanResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
