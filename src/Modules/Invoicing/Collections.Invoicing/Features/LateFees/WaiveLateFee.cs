using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.Invoicing.Features.Invoices;
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

namespace Collections.Invoicing.Features.LateFees;

public sealed record WaiveLateFeeRequest(string? Reason);

internal sealed record WaiveLateFeeCommand(string InvoiceId, string FeeId, string? Reason) : ICommand<ReceivableRow>;

internal sealed class WaiveLateFeeValidator : AbstractValidator<WaiveLateFeeCommand>
{
    public WaiveLateFeeValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
}

/// <summary>Staff waive what is still owed on a fee; what was already paid on it stays paid.</summary>
internal sealed class WaiveLateFeeHandler(InvoiceReader invoices, ReceivableLedger ledger, ActivityLog activity) : IRequestHandler<WaiveLateFeeCommand, ReceivableRow>
{
    public async Task<ReceivableRow> Handle(WaiveLateFeeCommand command, CancellationToken cancellationToken)
    {
        var fee = await invoices.FindAsync(command.FeeId, cancellationToken);
        if (fee is null || fee.Kind != ItemKinds.LateFee || fee.ParentId != command.InvoiceId)
        {
            throw new NotFoundException("Late fee", command.FeeId);
        }

        if (fee.Status == InvoiceStatuses.Waived)
        {
            return fee;
        }

        if (!fee.IsOpen)
        {
            throw new ConflictException($"Late fee {fee.Number} is {fee.Status.Replace('_', ' ')}; nothing is left to waive.");
        }

        var reason = command.Reason!.Trim();
        var today = await invoices.TodayForAsync(fee.DebtorId, cancellationToken);
        var after = await ledger.PostAsync(new LedgerPosting(fee.Id, EntryTypes.Waiver, -fee.BalanceMinor, today, "waiver", null, reason, ClosedStatus: InvoiceStatuses.Waived), cancellationToken);
        await activity.AppendAsync(fee.DebtorId, "late_fee.waived", $"Late fee {fee.Number}: {new Money(fee.BalanceMinor, Currency.Of(fee.Currency))} waived. {reason}", fee.ParentId, ct: cancellationToken);
        return after;
    }
}

internal sealed class WaiveLateFeeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/invoices/{id}/fees/{feeId}/waive", async (string id, string feeId, WaiveLateFeeRequest request, IMediator mediator, InvoiceResponses responses, CancellationToken ct) =>
                await responses.ForAsync(await mediator.Send(new WaiveLateFeeCommand(id, feeId, request.Reason), ct), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("WaiveLateFee")
            .WithSummary("Waive a late fee")
            .WithDescription("Waive what is still owed on a late fee of an invoice. Staff only; a reason is required and logged.")
            .Produces<InvoiceResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
