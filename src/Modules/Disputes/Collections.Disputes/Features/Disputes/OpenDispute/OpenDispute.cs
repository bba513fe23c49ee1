using System.Data.Common;
using System.Text.Json.Serialization;
using Collections.Disputes.Contracts;
using Collections.Disputes.Domain;
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

namespace Collections.Disputes.Features.Disputes;

/// <summary>Amount in the invoice's currency, major units; left out, it is everything still collectible on the invoice.</summary>
public sealed record OpenDisputeRequest(string? InvoiceId, decimal? Amount, string? Reason, string? Description);

internal sealed record OpenDisputeCommand(string InvoiceId, decimal? Amount, string Reason, string Description, [property: JsonIgnore] string IdempotencyKey)
    : IIdempotentCommand<DisputeResponse>;

internal sealed class OpenDisputeValidator : AbstractValidator<OpenDisputeCommand>
{
    public OpenDisputeValidator()
    {
        RuleFor(c => c.InvoiceId).NotEmpty().MaximumLength(40);
        RuleFor(c => c.Amount).GreaterThan(0).When(c => c.Amount is not null);
        RuleFor(c => c.Reason).Must(r => DisputeReasons.All.Contains(r)).WithMessage($"The reason must be one of: {string.Join(", ", DisputeReasons.All)}.");
        RuleFor(c => c.Description).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

internal sealed class OpenDisputeHandler(DbSession db, DisputeStore store, DisputeResponses responses, DisputesOptions options, IMediator mediator, TimeProvider time)
    : IRequestHandler<OpenDisputeCommand, DisputeResponse>
{
    private const string GuardSql = "INSERT INTO disputes_open_invoices (invoice_id, dispute_id) VALUES (@InvoiceId, @DisputeId)";

    private const string InsertSql = """
        INSERT INTO disputes_disputes (id, number, debtor_id, invoice_id, invoice_number, status, category, description, disputed_minor, currency,
            outcome, credited_minor, credit_note_id, resolution_note, assignee, opened_by, opened_at, due_by, closed_at, version, updated_at)
        VALUES (@Id, @Number, @DebtorId, @InvoiceId, @InvoiceNumber, 'open', @Category, @Description, @DisputedMinor, @Currency,
            NULL, 0, NULL, NULL, NULL, @OpenedBy, @Now, @DueBy, NULL, 1, @Now)
        """;

    public async Task<DisputeResponse> Handle(OpenDisputeCommand command, CancellationToken cancellationToken)
    {
        // The guard row is claimed before anything else is read, so a racing second request waits here and then fails cleanly.
        var id = Ids.New("dsp", time);
        var claimed = true;
        try
        {
            await db.ExecuteAsync(GuardSql, new { command.InvoiceId, DisputeId = id }, cancellationToken);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            claimed = false;
        }

        var invoice = await mediator.Send(new GetReceivableQuery(command.InvoiceId), cancellationToken);
        if (invoice is null || !store.Caller.CanSee(invoice.DebtorId) || invoice.Kind != ItemKinds.Invoice)
        {
            throw new NotFoundException("Invoice", command.InvoiceId);
        }

        if (!claimed)
        {
            throw new ConflictException($"Invoice {invoice.Number} already has an open dispute; add to its thread instead.");
        }

        if (invoice.Status != InvoiceStatuses.Open || invoice.BalanceMinor <= 0)
        {
            throw new BusinessRuleException($"Invoice {invoice.Number} is {invoice.Status} with nothing left to dispute.");
        }

        var currency = Currency.Of(invoice.Currency);
        var disputedMinor = DisputedAmount(command.Amount, invoice, currency);
        var now = time.GetUtcNow();
        var dueBy = BusinessDays.Add(DateOnly.FromDateTime(now.UtcDateTime), options.ResponseBusinessDays);
        var number = await store.NextNumberAsync(cancellationToken);
        await db.ExecuteAsync(InsertSql, new
        {
            Id = id,
            Number = number,
            invoice.DebtorId,
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            Category = command.Reason,
            Description = command.Description.Trim(),
            DisputedMinor = disputedMinor,
            invoice.Currency,
            OpenedBy = store.Actor,
            Now = now,
            DueBy = dueBy,
        }, cancellationToken);
        await store.RecordHistoryAsync(id, null, DisputeStatuses.Open, null, cancellationToken);
        await mediator.Send(new SetDisputedAmountCommand(invoice.Id, disputedMinor, id), cancellationToken);

        var amount = new Money(disputedMinor, currency);
        await mediator.Send(new RecordActivityCommand(invoice.DebtorId, "dispute.opened",
            $"Dispute {number} opened on invoice {invoice.Number} for {amount} ({command.Reason.Replace('_', ' ')}); that amount is on hold.", invoice.Id), cancellationToken);
        await mediator.Publish(new DisputeOpened(id, invoice.DebtorId, invoice.Id, disputedMinor, invoice.Currency, command.Reason, now, dueBy), cancellationToken);
        return await responses.ForAsync(await store.VisibleAsync(id, cancellationToken), cancellationToken);
    }

    private static long DisputedAmount(decimal? amount, ReceivableDto invoice, Currency currency)
    {
        if (invoice.CollectibleMinor <= 0)
        {
            throw new BusinessRuleException($"Nothing on invoice {invoice.Number} is left to dispute.");
        }

        if (amount is null)
        {
            return invoice.CollectibleMinor;
        }

        if (!Money.HasValidScale(amount.Value, currency))
        {
            throw new BusinessRuleException($"{amount} has more decimals than {currency.Code} allows.");
        }

        var minor = Money.FromMajor(amount.Value, currency).Minor;
        if (minor > invoice.CollectibleMinor)
        {
            throw new BusinessRuleException($"{new Money(minor, currency)} is more than the {new Money(invoice.CollectibleMinor, currency)} still owed on invoice {invoice.Number}.");
        }

        return minor;
    }
}

internal sealed class OpenDisputeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/disputes", async (OpenDisputeRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var dispute = await mediator.Send(new OpenDisputeCommand(request.InvoiceId ?? string.Empty, request.Amount, request.Reason ?? string.Empty, request.Description ?? string.Empty, IdempotencyHeader.From(http)), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/disputes/{dispute.Id}", dispute);
            })
            .RequireAuthorization(Policies.DebtorOrStaff)
            .RequiresIdempotencyKey()
            .WithName("OpenDispute")
            .WithSummary("Open a dispute")
            .WithDescription("Dispute all or part of an invoice (a debtor session for its own invoices, or staff). The disputed amount goes on hold; the rest stays payable. Requires an Idempotency-Key header.")
            .Produces<DisputeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
