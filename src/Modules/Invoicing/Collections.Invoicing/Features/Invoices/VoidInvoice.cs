using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
using Collections.SharedKernel.Errors;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Invoicing.Features.Invoices;

public sealed record VoidInvoiceRequest(string? Reason);

internal sealed record VoidInvoiceCommand(string InvoiceId, string? Reason) : ICommand<ReceivableRow>;

internal sealed class VoidInvoiceValidator : AbstractValidator<VoidInvoiceCommand>
{
    public VoidInvoiceValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

/// <summary>Voiding cancels an invoice issued in error; once money was applied to it only a credit note can reduce it.</summary>
internal sealed class VoidInvoiceHandler(InvoiceReader invoices, ReceivableLedger ledger, ActivityLog activity) : IRequestHandler<VoidInvoiceCommand, ReceivableRow>
{
    public async Task<ReceivableRow> Handle(VoidInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.FindAsync(command.InvoiceId, cancellationToken) ?? throw new NotFoundException("Invoice", command.InvoiceId);
        if (invoice.Status == InvoiceStatuses.Void)
        {
            return invoice;
        }

        if (invoice.PaidMinor != 0 || invoice.Status != InvoiceStatuses.Open || invoice.DisputedMinor != 0)
        {
            throw new ConflictException($"Invoice {invoice.Number} has payments, a dispute or is closed; it cannot be voided. Issue a credit note instead.");
        }

        var today = await invoices.TodayForAsync(invoice.DebtorId, cancellationToken);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? "Voided" : command.Reason.Trim();
        var after = await ledger.PostAsync(new LedgerPosting(invoice.Id, EntryTypes.Void, -invoice.BalanceMinor, today, "void", null, reason, ClosedStatus: InvoiceStatuses.Void), cancellationToken);
        await activity.AppendAsync(after.DebtorId, "invoice.voided", $"Invoice {after.Number} voided: {reason}", after.Id, ct: cancellationToken);
        return after;
    }
}

internal sealed class VoidInvoiceEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/invoices/{id}/void", async (string id, VoidInvoiceRequest? request, IMediator mediator, InvoiceResponses responses, CancellationToken ct) =>
                await responses.ForAsync(await mediator.Send(new VoidInvoiceCommand(id, request?.Reason), ct), ct))
            .RequireAuthorization(Policies.Erp)
            .AcceptsIdempotencyKey()
            .WithName("VoidInvoice")
            .WithSummary("Void an invoice")
            .WithDescription("Void an invoice that has nothing paid on it.")
            .Produces<InvoiceResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
