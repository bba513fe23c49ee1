using Collections.Invoicing.Domain.LateFees;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.Invoicing.Features.Invoices;

public sealed record UpsertInvoiceLine(string? Description, decimal Quantity, decimal UnitPrice, decimal Amount);

public sealed record UpsertInvoiceEarlyPaymentDiscount(decimal Percent, int WithinDays);

public sealed record UpsertInvoiceTerms(int? NetDays, UpsertInvoiceEarlyPaymentDiscount? EarlyPaymentDiscount);

public sealed record UpsertInvoiceRequest(
    string? DebtorExternalId,
    string? Number,
    string? PoNumber,
    string? Currency,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    decimal Total,
    IReadOnlyList<UpsertInvoiceLine>? Lines = null,
    UpsertInvoiceTerms? Terms = null,
    LateFeePolicyRequest? LateFeePolicy = null);

internal sealed record UpsertInvoiceCommand(string ExternalId, UpsertInvoiceRequest Body) : ICommand<InvoiceUpsertResult>;

internal sealed class UpsertInvoiceValidator : AbstractValidator<UpsertInvoiceCommand>
{
    public UpsertInvoiceValidator()
    {
        RuleFor(c => c.ExternalId).NotEmpty().MaximumLength(100).OverridePropertyName("externalId");
        RuleFor(c => c.Body).SetValidator(new UpsertInvoiceBodyValidator()).OverridePropertyName(string.Empty);
    }
}

internal sealed class UpsertInvoiceHandler(InvoiceUpserter upserter) : IRequestHandler<UpsertInvoiceCommand, InvoiceUpsertResult>
{
    public Task<InvoiceUpsertResult> Handle(UpsertInvoiceCommand command, CancellationToken cancellationToken) =>
        upserter.UpsertAsync(command.ExternalId, command.Body, cancellationToken);
}

internal sealed class UpsertInvoiceEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/invoices/by-external-id/{externalId}", async (string externalId, UpsertInvoiceRequest request, IMediator mediator, InvoiceResponses responses, CancellationToken ct) =>
            {
                var result = await mediator.Send(new UpsertInvoiceCommand(externalId, request), ct);
                var body = await responses.ForAsync(result.Invoice, ct);
                return result.Outcome == UpsertOutcome.Created
                    ? Results.Created($"{EndpointModule.ApiPrefix}/invoices/{body.Id}", body)
                    : Results.Ok(body);
            })
            .RequireAuthorization(Policies.Erp)
            .WithName("UpsertInvoice")
            .WithSummary("Create or update an invoice by external id")
            .WithDescription("Create or update an invoice by the ERP's id. Re-sending the same body changes nothing; money fields are fixed once anything was paid or credited.")
            .Produces<InvoiceResponse>(StatusCodes.Status201Created)
            .Produces<InvoiceResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
