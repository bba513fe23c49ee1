using System.Text.Json.Serialization;
using Collections.Disputes.Contracts;
using Collections.Disputes.Domain;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Disputes.Features.Disputes;

/// <summary>Outcome: accepted (or upheld), partially_accepted (or partially_upheld) with creditAmount, rejected. The note is shown to the debtor.</summary>
public sealed record ResolveDisputeRequest(string? Outcome, decimal? CreditAmount, string? ResolutionNote);

internal sealed record ResolveDisputeCommand(string Id, string Outcome, decimal? CreditAmount, string ResolutionNote, [property: JsonIgnore] string IdempotencyKey)
    : IIdempotentCommand<DisputeResponse>;

internal sealed class ResolveDisputeValidator : AbstractValidator<ResolveDisputeCommand>
{
    public ResolveDisputeValidator()
    {
        RuleFor(c => c.Outcome).Must(o => DisputeOutcomes.Accepted.Contains(o)).WithMessage("The outcome must be one of: accepted, partially_accepted, rejected.");
        RuleFor(c => c.CreditAmount).NotNull().GreaterThan(0).When(c => DisputeOutcomes.Normalize(c.Outcome) == DisputeOutcomes.PartiallyUpheld)
            .WithMessage("A partial resolution needs a credit amount above zero.");
        RuleFor(c => c.CreditAmount).Null().When(c => DisputeOutcomes.Normalize(c.Outcome) == DisputeOutcomes.Rejected)
            .WithMessage("A rejected dispute credits nothing; leave out the credit amount.");
        RuleFor(c => c.ResolutionNote).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

/// <summary>
/// Releases the hold first, then credits what was granted through Invoicing's credit note, all in one transaction:
/// the debtor never sees a credit without the dispute closed, or a closed dispute with the amount still held.
/// </summary>
internal sealed class ResolveDisputeHandler(DisputeStore store, DisputeResponses responses, IMediator mediator, TimeProvider time)
    : IRequestHandler<ResolveDisputeCommand, DisputeResponse>
{
    public async Task<DisputeResponse> Handle(ResolveDisputeCommand command, CancellationToken cancellationToken)
    {
        var dispute = await store.VisibleAsync(command.Id, cancellationToken);
        var toStatus = DisputeTransitions.Resolve(dispute);
        var outcome = DisputeOutcomes.Normalize(command.Outcome)!;
        var currency = Currency.Of(dispute.Currency);
        long? requested = null;
        if (command.CreditAmount is { } amount)
        {
            if (!Money.HasValidScale(amount, currency))
            {
                throw new BusinessRuleException($"{amount} has more decimals than {currency.Code} allows.");
            }

            requested = Money.FromMajor(amount, currency).Minor;
        }

        var invoice = await mediator.Send(new SetDisputedAmountCommand(dispute.InvoiceId, 0, dispute.Id), cancellationToken);
        var creditMinor = ResolutionCredit.For(outcome, dispute.DisputedMinor, requested, invoice.BalanceMinor);
        var note = command.ResolutionNote.Trim();
        string? creditNoteId = null;
        if (creditMinor > 0)
        {
            var credit = await mediator.Send(new IssueCreditNoteCommand(dispute.InvoiceId, creditMinor, $"Dispute {dispute.Number}: {note}", dispute.Id), cancellationToken);
            creditNoteId = credit.Id;
        }

        var after = await store.TransitionAsync(dispute, new DisputeChange(toStatus, $"{outcome}: {note}", Outcome: outcome, CreditedMinor: creditMinor, CreditNoteId: creditNoteId, ResolutionNote: note), cancellationToken);
        var summary = outcome == DisputeOutcomes.Rejected
            ? $"Dispute {after.Number} on invoice {after.InvoiceNumber} was rejected: {note} Collection of the invoice resumes."
            : $"Dispute {after.Number} on invoice {after.InvoiceNumber} was {outcome.Replace('_', ' ')}; {new Money(creditMinor, currency)} credited. {note}";
        await mediator.Send(new RecordActivityCommand(after.DebtorId, "dispute.resolved", summary, after.InvoiceId), cancellationToken);
        await mediator.Publish(new DisputeResolved(after.Id, after.DebtorId, after.InvoiceId, outcome, creditMinor, after.Currency, time.GetUtcNow()), cancellationToken);
        return await responses.ForAsync(after, cancellationToken);
    }
}

internal sealed class ResolveDisputeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disputes/{id}/resolve", (string id, ResolveDisputeRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ResolveDisputeCommand(id, request.Outcome ?? string.Empty, request.CreditAmount, request.ResolutionNote ?? string.Empty, IdempotencyHeader.From(http)), ct))
            .RequireAuthorization(Policies.Staff)
            .RequiresIdempotencyKey()
            .WithName("ResolveDispute")
            .WithSummary("Resolve a dispute")
            .WithDescription("Resolve a dispute under review: accepted credits the disputed amount, partially_accepted credits creditAmount, rejected credits nothing. The hold is released. Requires an Idempotency-Key header.")
            .Produces<DisputeResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
