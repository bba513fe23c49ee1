using Collections.Dunning.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Dunning.Features.Holds;

/// <summary>DoNotContact stops every automated message and task; HoldUntil pauses dunning up to and including that date.</summary>
public sealed record SetCollectionHoldRequest(bool DoNotContact, DateOnly? HoldUntil, string? Reason);

internal sealed record SetCollectionHoldCommand(string DebtorId, SetCollectionHoldRequest Body) : ICommand<CollectionHoldResponse>;

public sealed record CollectionHoldResponse(string DebtorId, bool DoNotContact, DateOnly? HoldUntil, string? Reason, string? PolicyId);

internal sealed class SetCollectionHoldValidator : AbstractValidator<SetCollectionHoldCommand>
{
    public SetCollectionHoldValidator()
    {
        RuleFor(c => c.Body.Reason).MaximumLength(500).OverridePropertyName("reason");
        RuleFor(c => c.Body.Reason).NotEmpty().When(c => c.Body.HoldUntil is not null || c.Body.DoNotContact)
            .WithMessage("Say why the debtor is on hold; the reason goes into its activity log.").OverridePropertyName("reason");
        RuleFor(c => c.Body.HoldUntil).Must(d => d is null || d.Value.Year <= 2100).OverridePropertyName("holdUntil");
    }
}

internal sealed class SetCollectionHoldHandler(DebtorSettingsStore store, MessageRecheck recheck, IMediator mediator) : IRequestHandler<SetCollectionHoldCommand, CollectionHoldResponse>
{
    public async Task<CollectionHoldResponse> Handle(SetCollectionHoldCommand command, CancellationToken cancellationToken)
    {
        await store.DebtorAsync(command.DebtorId, cancellationToken);
        var settings = await store.GetAsync(command.DebtorId, cancellationToken) with
        {
            DoNotContact = command.Body.DoNotContact,
            HoldUntil = command.Body.HoldUntil,
            HoldReason = command.Body.Reason?.Trim(),
        };
        await store.SaveAsync(settings, cancellationToken);
        var summary = settings.DoNotContact || settings.HoldUntil is not null
            ? $"Collection hold set{(settings.DoNotContact ? ", do not contact" : "")}{(settings.HoldUntil is { } d ? $", until {MessageComposer.Date(d)}" : "")}: {settings.HoldReason}"
            : "Collection hold lifted.";
        await mediator.Send(new RecordActivityCommand(command.DebtorId, "dunning.hold", summary), cancellationToken);
        await recheck.RecheckDebtorAsync(command.DebtorId, cancellationToken);
        return new CollectionHoldResponse(settings.DebtorId, settings.DoNotContact, settings.HoldUntil, settings.HoldReason, settings.PolicyId);
    }
}

internal sealed class SetCollectionHoldEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/debtors/{id}/collection-hold", (string id, SetCollectionHoldRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetCollectionHoldCommand(id, request), ct))
            .RequireAuthorization(Policies.Staff)
            .WithName("SetCollectionHold")
            .WithSummary("Set or lift a collection hold")
            .WithDescription("Put a debtor on collection hold (until a date, or do-not-contact), or lift the hold.")
            .Produces<CollectionHoldResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
