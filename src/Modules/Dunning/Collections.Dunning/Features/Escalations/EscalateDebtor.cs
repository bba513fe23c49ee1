using Collections.Dunning.Contracts;
using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Escalations;

/// <summary>Type: agency or legal. ContingencyFeePercent: the agency's share of what it recovers (0–50).</summary>
public sealed record EscalateDebtorRequest(string? Type, string? AgencyName, decimal? ContingencyFeePercent, string? Note);

internal sealed record EscalateDebtorCommand(string DebtorId, EscalateDebtorRequest Body) : ICommand<EscalationResponse>;

public sealed record EscalationResponse(string Id, string DebtorId, string Type, string? AgencyName, decimal? ContingencyFeePercent, string? Note, int PlacedItems, string CreatedBy, DateTimeOffset CreatedAt);

internal sealed class EscalateDebtorValidator : AbstractValidator<EscalateDebtorCommand>
{
    public EscalateDebtorValidator()
    {
        RuleFor(c => c.Body.Type).NotEmpty().Must(t => t is "agency" or "legal").WithMessage("Use 'agency' or 'legal'.").OverridePropertyName("type");
        RuleFor(c => c.Body.AgencyName).NotEmpty().When(c => c.Body.Type == "agency").OverridePropertyName("agencyName");
        RuleFor(c => c.Body.AgencyName).MaximumLength(200).OverridePropertyName("agencyName");
        RuleFor(c => c.Body.ContingencyFeePercent).InclusiveBetween(0m, 50m).Must(p => p is null || decimal.Round(p.Value, 2) == p.Value)
            .OverridePropertyName("contingencyFeePercent");
        RuleFor(c => c.Body.Note).MaximumLength(2000).OverridePropertyName("note");
    }
}

/// <summary>
/// Placing a debtor with an agency or lawyer is only ever a deliberate staff decision: it marks the open invoices as
/// placed (which stops automated messages), closes the matching proposals and is recorded with who and why.
/// </summary>
internal sealed class EscalateDebtorHandler(DbSession db, DebtorSettingsStore store, IMediator mediator, CallerContext caller, TimeProvider time) : IRequestHandler<EscalateDebtorCommand, EscalationResponse>
{
    private const string InsertSql = """
        INSERT INTO dunning_escalations (id, debtor_id, escalation_type, agency_name, fee_basis_points, note, created_by, created_at)
        VALUES (@Id, @DebtorId, @Type, @AgencyName, @FeeBasisPoints, @Note, @By, @Now)
        """;
    private const string CloseProposalsSql = """
        UPDATE dunning_tasks SET status = 'completed', outcome = 'accepted', completed_at = @Now, completed_by = @By
        WHERE debtor_id = @DebtorId AND status = 'open' AND action = @Action
        """;

    public async Task<EscalationResponse> Handle(EscalateDebtorCommand command, CancellationToken cancellationToken)
    {
        var debtor = await store.DebtorAsync(command.DebtorId, cancellationToken);
        var body = command.Body;
        var open = await mediator.Send(new GetOpenItemsQuery(debtor.Id), cancellationToken);
        if (open.Count == 0)
        {
            throw new BusinessRuleException($"{debtor.Name} has no open items to place.");
        }

        var id = Ids.New("esc", time);
        var by = caller.Current.Actor;
        var now = time.GetUtcNow();
        var reference = body.Type == "agency" ? $"agency {body.AgencyName} ({id})" : $"legal ({id})";
        var placed = await mediator.Send(new SetPlacedCommand(debtor.Id, true, reference), cancellationToken);
        var feeBp = body.ContingencyFeePercent is { } p ? (int)decimal.Round(p * 100m) : (int?)null;
        await db.ExecuteAsync(InsertSql, new { Id = id, DebtorId = debtor.Id, body.Type, body.AgencyName, FeeBasisPoints = feeBp, body.Note, By = by, Now = now }, cancellationToken);
        await db.ExecuteAsync(CloseProposalsSql, new { DebtorId = debtor.Id, Action = body.Type == "agency" ? StepActions.ProposeAgency : StepActions.ProposeLegal, Now = now, By = by }, cancellationToken);
        await mediator.Send(new RecordActivityCommand(debtor.Id, "dunning.escalated", $"Escalated to {reference}: {placed} open item(s) placed. {body.Note}".Trim()), cancellationToken);
        await mediator.Publish(new DebtorEscalated(id, debtor.Id, body.Type!, body.Note ?? reference, by, now), cancellationToken);
        return new EscalationResponse(id, debtor.Id, body.Type!, body.AgencyName, body.ContingencyFeePercent, body.Note, placed, by, now);
    }
}

internal sealed class EscalateDebtorEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/debtors/{id}/escalations", async (string id, EscalateDebtorRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/debtors/{id}/case-file", await mediator.Send(new EscalateDebtorCommand(id, request), ct)))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("EscalateDebtor")
            .WithSummary("Escalate a debtor")
            .WithDescription("Accept an escalation: place the debtor's open invoices with an agency or lawyer and stop automated messages.")
            .Produces<EscalationResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
