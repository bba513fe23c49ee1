using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Holds;

/// <summary>Policy: a policy name, or null to go back to the policy of the debtor's segment.</summary>
public sealed record SetDebtorPolicyRequest(string? Policy);

internal sealed record SetDebtorPolicyCommand(string DebtorId, string? Policy) : ICommand<CollectionHoldResponse>;

internal sealed class SetDebtorPolicyHandler(DebtorSettingsStore store, DbSession db, IMediator mediator) : IRequestHandler<SetDebtorPolicyCommand, CollectionHoldResponse>
{
    private const string PolicySql = "SELECT id FROM dunning_policies WHERE name = @Name";

    public async Task<CollectionHoldResponse> Handle(SetDebtorPolicyCommand command, CancellationToken cancellationToken)
    {
        await store.DebtorAsync(command.DebtorId, cancellationToken);
        string? policyId = null;
        if (!string.IsNullOrWhiteSpace(command.Policy))
        {
            policyId = await db.QuerySingleOrDefaultAsync<string>(PolicySql, new { Name = command.Policy }, cancellationToken)
                ?? throw new BusinessRuleException($"There is no dunning policy named '{command.Policy}'.");
        }

        var settings = await store.GetAsync(command.DebtorId, cancellationToken) with { PolicyId = policyId };
        await store.SaveAsync(settings, cancellationToken);
        await mediator.Send(new RecordActivityCommand(command.DebtorId, "dunning.policy", policyId is null ? "Dunning policy follows the segment." : $"Dunning policy set to {command.Policy}."), cancellationToken);
        return new CollectionHoldResponse(settings.DebtorId, settings.DoNotContact, settings.HoldUntil, settings.HoldReason, settings.PolicyId);
    }
}

internal sealed class SetDebtorPolicyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/debtors/{id}/dunning-policy", (string id, SetDebtorPolicyRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetDebtorPolicyCommand(id, request.Policy), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("SetDebtorDunningPolicy")
            .WithSummary("Set a debtor's dunning policy")
            .WithDescription("Set the dunning policy of one debtor (instead of its segment's).")
            .Produces<CollectionHoldResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
