using System.Text.Json.Serialization;
using Collections.Payments.Features.Payments;
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

namespace Collections.Payments.Features.BankStatements;

public sealed record MatchBankLineRequest(string DebtorId, IReadOnlyList<AllocationRequest>? Allocations);

/// <summary>The line after staff matched it, and the payment it was booked as.</summary>
public sealed record MatchBankLineResponse(BankStatementLineResponse Line, PaymentResponse Payment);

internal sealed record MatchBankLineCommand(string LineId, MatchBankLineRequest Match, [property: JsonIgnore] string IdempotencyKey) : IIdempotentCommand<MatchBankLineResponse>;

internal sealed class MatchBankLineValidator : AbstractValidator<MatchBankLineCommand>
{
    public MatchBankLineValidator()
    {
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(c => c.Match).NotNull();
        When(c => c.Match is not null, () =>
        {
            RuleFor(c => c.Match.DebtorId).NotEmpty().MaximumLength(40).OverridePropertyName("debtorId");
            RuleForEach(c => c.Match.Allocations).NoEmptyItems().OverridePropertyName("allocations");
            RuleForEach(c => c.Match.Allocations).ChildRules(a =>
            {
                a.RuleFor(x => x.InvoiceId).NotEmpty().MaximumLength(40);
                a.RuleFor(x => x.Amount).GreaterThan(0);
            }).OverridePropertyName("allocations");
        });
    }
}

/// <summary>
/// Staff book an unmatched credit as the debtor's payment, allocated as given or in the debtor's allocation order. A line
/// already matched (or ignored) is a 409; a debit or a return is not a payment (422).
/// </summary>
internal sealed class MatchBankLineHandler(BankLines lines, BankLineBooking booking, CallerContext caller) : IRequestHandler<MatchBankLineCommand, MatchBankLineResponse>
{
    public async Task<MatchBankLineResponse> Handle(MatchBankLineCommand command, CancellationToken cancellationToken)
    {
        var line = await lines.FindAsync(command.LineId, cancellationToken) ?? throw new NotFoundException("Statement line", command.LineId);
        if (line.Status != BankLineStatuses.Unmatched)
        {
            throw BankLines.AlreadyDecided(line);
        }

        if (!line.IsCredit || line.IsReturn)
        {
            throw new BusinessRuleException($"Statement line {line.Id} is {(line.IsReturn ? "a return" : "a debit")}, not a payment received; ignore it once it is dealt with.");
        }

        var currency = Currency.Of(line.Currency);
        if (command.Match.Allocations?.FirstOrDefault(a => !Money.HasValidScale(a.Amount, currency)) is { } fine)
        {
            throw new BusinessRuleException($"The allocation of {fine.Amount} has more decimals than {currency} allows.");
        }

        var allocations = command.Match.Allocations?.Select(a => (a.InvoiceId, Money.FromMajor(a.Amount, currency).Minor)).ToList();
        var payment = await booking.BookAsync(line, command.Match.DebtorId.Trim(), allocations, MatchRules.Staff, "Matched by staff.", caller.Current.Actor, cancellationToken);
        return new MatchBankLineResponse((await lines.FindAsync(line.Id, cancellationToken))!.ToResponse(), payment);
    }
}

internal sealed class MatchBankLineEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bank-statements/lines/{lineId}/match", async (string lineId, MatchBankLineRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new MatchBankLineCommand(lineId, request, IdempotencyHeader.From(http)), ct)))
            .RequireAuthorization(Policies.Staff)
            .RequiresIdempotencyKey()
            .WithName("MatchBankStatementLine")
            .WithSummary("Match an unmatched statement line")
            .WithDescription("Book an unmatched credit as a bank_transfer payment of the debtor, allocated as given ({invoiceId, amount}) or in the debtor's allocation order. "
                + "A line already matched or ignored is a 409; a debit or a return is a 422. Requires an Idempotency-Key header.")
            .Produces<MatchBankLineResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
