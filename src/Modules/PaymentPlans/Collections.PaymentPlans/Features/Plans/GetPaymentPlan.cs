using Collections.PaymentPlans.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.PaymentPlans.Features.Plans;

internal sealed record GetPaymentPlanQuery(string Id) : IRequest<PaymentPlanResponse>;

internal sealed class GetPaymentPlanHandler(PlanStore store, CallerContext caller) : IRequestHandler<GetPaymentPlanQuery, PaymentPlanResponse>
{
    public async Task<PaymentPlanResponse> Handle(GetPaymentPlanQuery query, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(query.Id, cancellationToken);
        return loaded is not null && caller.Current.CanSee(loaded.Plan.DebtorId)
            ? PaymentPlanResponse.From(loaded)
            : throw new NotFoundException("Payment plan", query.Id);
    }
}

internal sealed class GetPaymentPlanEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payment-plans/{id}", (string id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetPaymentPlanQuery(id), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetPaymentPlan")
            .WithSummary("Get a payment plan")
            .WithDescription("A plan with its installments (due, paid, late or missed) and what is paid and outstanding.")
            .Produces<PaymentPlanResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
