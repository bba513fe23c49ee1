using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.Payments.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Collections.Payments.Features.Checkout;

public sealed record BankTransferInstructionsResponse(
    string Currency,
    string? AccountHolder,
    string? BankName,
    string? Iban,
    string? Bic,
    string? AccountNumber,
    string? RoutingNumber,
    string? Notes,
    string? PaymentReference);

internal sealed record BankTransferInstructionsQuery(string? DebtorId, string? Currency) : IRequest<IReadOnlyList<BankTransferInstructionsResponse>>;

internal sealed class BankTransferInstructionsValidator : AbstractValidator<BankTransferInstructionsQuery>
{
    public BankTransferInstructionsValidator() => RuleFor(q => q.Currency).KnownCurrency().When(q => q.Currency is not null).OverridePropertyName("currency");
}

/// <summary>
/// Read from Payments:BankTransferInstructions:{CURRENCY}:*; works whether or not Stripe is configured. The reference is the
/// debtor's ISO 11649 creditor reference, printed in groups of four, in every currency.
/// </summary>
internal sealed class BankTransferInstructionsHandler(IConfiguration configuration, CallerContext caller, IMediator mediator)
    : IRequestHandler<BankTransferInstructionsQuery, IReadOnlyList<BankTransferInstructionsResponse>>
{
    public async Task<IReadOnlyList<BankTransferInstructionsResponse>> Handle(BankTransferInstructionsQuery query, CancellationToken cancellationToken)
    {
        var debtorId = caller.Current.IsDebtor ? caller.Current.DebtorId : query.DebtorId;
        if (caller.Current.IsDebtor && query.DebtorId is not null && query.DebtorId != debtorId)
        {
            throw new NotFoundException("Debtor", query.DebtorId);
        }

        string? reference = null;
        if (debtorId is not null)
        {
            _ = await mediator.Send(new GetDebtorQuery(debtorId), cancellationToken) ?? throw new NotFoundException("Debtor", debtorId);
            reference = CreditorReference.Print(await mediator.Send(new GetPaymentReferenceCommand(debtorId), cancellationToken));
        }

        return configuration.GetSection("Payments:BankTransferInstructions").GetChildren()
            .Where(s => query.Currency is null || string.Equals(s.Key, query.Currency, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new BankTransferInstructionsResponse(s.Key.ToUpperInvariant(), s["AccountHolder"], s["BankName"], s["Iban"], s["Bic"],
                s["AccountNumber"], s["RoutingNumber"], s["Notes"], reference))
            .ToList();
    }
}

internal sealed class BankTransferInstructionsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/payments/instructions", (string? debtorId, string? currency, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new BankTransferInstructionsQuery(debtorId, currency), ct))
            .RequireAuthorization(Policies.Portal)
            .WithName("GetBankTransferInstructions")
            .WithSummary("Get bank transfer instructions")
            .WithDescription("Where to send a bank transfer, per currency (all, or the one asked for: an ISO 4217 code), with the structured creditor reference (ISO 11649, RF…) the debtor should quote.")
            .Produces<IReadOnlyList<BankTransferInstructionsResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
