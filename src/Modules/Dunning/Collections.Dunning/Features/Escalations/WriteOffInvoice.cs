using Collections.Dunning.Contracts;
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

public sealed record WriteOffInvoiceRequest(string? Reason);

internal sealed record WriteOffInvoiceCommand(string InvoiceId, string? Reason) : ICommand<WriteOffResponse>;

public sealed record WriteOffResponse(string InvoiceId, string DebtorId, MoneyDto WrittenOff, MoneyDto Balance);

internal sealed class WriteOffInvoiceValidator : AbstractValidator<WriteOffInvoiceCommand>
{
    public WriteOffInvoiceValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).OverridePropertyName("reason");
}

/// <summary>A write-off is a staff decision with a reason; Invoicing closes the item, and write-off proposals for it are closed.</summary>
internal sealed class WriteOffInvoiceHandler(DbSession db, IMediator mediator, CallerContext caller, TimeProvider time) : IRequestHandler<WriteOffInvoiceCommand, WriteOffResponse>
{
    private const string CloseSql = """
        UPDATE dunning_tasks SET status = 'completed', outcome = 'accepted', completed_at = @Now, completed_by = @By
        WHERE debtor_id = @DebtorId AND status = 'open' AND action = 'propose_write_off' AND invoice_ids = @InvoiceId
        """;

    public async Task<WriteOffResponse> Handle(WriteOffInvoiceCommand command, CancellationToken cancellationToken)
    {
        var item = await mediator.Send(new GetReceivableQuery(command.InvoiceId), cancellationToken) ?? throw new NotFoundException("Invoice", command.InvoiceId);
        if (item.Status != InvoiceStatuses.Open || item.BalanceMinor <= 0)
        {
            throw new ConflictException($"Invoice {item.Number} is {item.Status} with nothing left to write off.");
        }

        var reason = command.Reason!.Trim();
        var result = await mediator.Send(new WriteOffItemCommand(item.Id, reason), cancellationToken);
        var by = caller.Current.Actor;
        var now = time.GetUtcNow();
        await db.ExecuteAsync(CloseSql, new { item.DebtorId, InvoiceId = item.Id, Now = now, By = by }, cancellationToken);
        await mediator.Publish(new DebtorEscalated(Ids.New("esc", time), item.DebtorId, "write_off", $"Invoice {item.Number}: {reason}", by, now), cancellationToken);
        return new WriteOffResponse(item.Id, item.DebtorId, MoneyDto.Of(item.BalanceMinor - result.BalanceMinor, item.Currency), MoneyDto.Of(result.BalanceMinor, item.Currency));
    }
}

internal sealed class WriteOffInvoiceEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/invoices/{id}/write-off", (string id, WriteOffInvoiceRequest request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new WriteOffInvoiceCommand(id, request.Reason), ct))
            .RequireAuthorization(Policies.Staff)
            .AcceptsIdempotencyKey()
            .WithName("WriteOffInvoice")
            .WithSummary("Write off an invoice")
            .WithDescription("Write off the remaining balance of an invoice (a staff decision, with a reason).")
            .Produces<WriteOffResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
