using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.DunningPolicies;

internal sealed class PolicyEndpoints : IEndpoint
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/dunning/policies").RequireAuthorization(Policies.Admin);
        group.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListPoliciesQuery(), ct))
            .WithName("ListDunningPolicies").WithSummary("List dunning policies").WithDescription("Dunning policies with their ordered steps.").Produces<IReadOnlyList<PolicyResponse>>();
        group.MapGet("/{id}", async (string id, IMediator mediator, CancellationToken ct) => (await mediator.Send(new ListPoliciesQuery(id), ct)).First())
            .WithName("GetDunningPolicy").WithSummary("Get a dunning policy").WithDescription("One dunning policy.").Produces<PolicyResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", async (SavePolicyRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/dunning/policies", await mediator.Send(new SavePolicyCommand(null, request), ct)))
            .AcceptsIdempotencyKey()
            .WithName("CreateDunningPolicy").WithSummary("Create a dunning policy").WithDescription("Create a policy.").Produces<PolicyResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id}", (string id, SavePolicyRequest request, IMediator mediator, CancellationToken ct) => mediator.Send(new SavePolicyCommand(id, request), ct))
            .WithName("UpdateDunningPolicy").WithSummary("Update a dunning policy").WithDescription("Replace a policy's name, description and steps. Steps keep their keys so taken steps stay taken.")
            .Produces<PolicyResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", async Task<NoContent> (string id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeletePolicyCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteDunningPolicy").WithSummary("Delete a dunning policy").WithDescription("Delete a policy no debtor uses.").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
