using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.PaymentPlans.Features.Plans;

internal sealed record ApprovePaymentPlanCommand(string PlanId) : ICommand<PaymentPlanResponse>;

/// <summary>The invoices are checked again: a balance that moved since the proposal would make the schedule wrong.</summary>
internal sealed class ApprovePaymentPlanHandler(PlanStore store, PlanEligibility eligibility, PlanLifecycle lifecycle) : IRequestHandler<ApprovePaymentPlanCommand, PaymentPlanResponse>
{
    public async Task<PaymentPlanResponse> Handle(ApprovePaymentPlanCommand command, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(command.PlanId, cancellationToken) ?? throw new NotFoundException("Payment plan", command.PlanId);
        if (loaded.Plan.Status != PaymentPlanStatuses.Proposed)
        {
            throw new ConflictException($"Payment plan {loaded.Plan.Id} is {loaded.Plan.Status}; only a proposed plan can be approved.");
        }

        var items = await eligibility.EligibleItemsAsync(loaded.InvoiceIds, loaded.Plan.Id, cancellationToken);
        foreach (var planned in loaded.Invoices)
        {
            if (items.First(i => i.Id == planned.InvoiceId).BalanceMinor != planned.AmountMinor)
            {
                throw new ConflictException("An invoice balance changed since the plan was proposed; reject it and propose a new plan.");
            }
        }

        await lifecycle.ActivateAsync(loaded, cancellationToken);
        return PaymentPlanResponse.From((await store.FindAsync(command.PlanId, cancellationToken))!);
    }
}

internal sealed class ApprovePaymentPlanEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payment-plans/{id}/approve", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new ApprovePaymentPlanCommand(id), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("ApprovePaymentPlan")
            .WithSummary("Approve a payment plan")
            .WithDescription("Approve a proposed plan: it becomes active and its invoices are held from late fees and reminders.")
            .Produces<PaymentPlanResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
