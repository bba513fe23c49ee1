using System.Text.Json.Serialization;
using Collections.Invoicing.Contracts;
using Collections.Invoicing.Domain;
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

namespace Collections.Invoicing.Features.Invoices;

public sealed record IssueCreditNoteRequest(decimal Amount, string? Reason);

public sealed record CreditNoteResponse(string Id, string Number, string InvoiceId, MoneyDto Amount, string Reason, DateTimeOffset IssuedAt, MoneyDto InvoiceBalance);

internal sealed record IssueCreditNoteHttpCommand(string InvoiceId, decimal Amount, string? Reason, [property: JsonIgnore] string IdempotencyKey)
    : IIdempotentCommand<CreditNoteResponse>;

internal sealed class IssueCreditNoteHttpValidator : AbstractValidator<IssueCreditNoteHttpCommand>
{
    public IssueCreditNoteHttpValidator()
    {
        RuleFor(c => c.Amount).GreaterThan(0);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

internal sealed class IssueCreditNoteHttpHandler(InvoiceReader invoices, IMediator mediator) : IRequestHandler<IssueCreditNoteHttpCommand, CreditNoteResponse>
{
    public async Task<CreditNoteResponse> Handle(IssueCreditNoteHttpCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.FindAsync(command.InvoiceId, cancellationToken) ?? throw new NotFoundException("Invoice", command.InvoiceId);
        var currency = Currency.Of(invoice.Currency);
        if (!Money.HasValidScale(command.Amount, currency))
        {
            throw new BusinessRuleException($"{command.Amount} has more decimals than {currency} allows.");
        }

        var note = await mediator.Send(new IssueCreditNoteCommand(invoice.Id, Money.FromMajor(command.Amount, currency).Minor, command.Reason!.Trim()), cancellationToken);
        var after = (await invoices.FindAsync(invoice.Id, cancellationToken))!;
        return new CreditNoteResponse(note.Id, note.Number, note.InvoiceId, MoneyDto.Of(note.AmountMinor, note.Currency), note.Reason, note.IssuedAt, MoneyDto.Of(after.BalanceMinor, after.Currency));
    }
}

/// <summary>The contract: staff, dispute resolutions and the ERP all issue credit notes through here.</summary>
internal sealed class IssueCreditNoteHandler(DbSession db, InvoiceReader invoices, ReceivableLedger ledger, Sequences sequences, ActivityLog activity, IMediator mediator, TimeProvider time)
    : IRequestHandler<IssueCreditNoteCommand, CreditNoteDto>
{
    private const string InsertSql = """
        INSERT INTO invoicing_credit_notes (id, number, invoice_id, debtor_id, amount_minor, currency, reason, source_id, issued_at)
        VALUES (@Id, @Number, @InvoiceId, @DebtorId, @AmountMinor, @Currency, @Reason, @SourceId, @IssuedAt)
        """;

    public async Task<CreditNoteDto> Handle(IssueCreditNoteCommand command, CancellationToken cancellationToken)
    {
        var invoice = await invoices.FindAsync(command.InvoiceId, cancellationToken) ?? throw new NotFoundException("Invoice", command.InvoiceId);
        if (command.AmountMinor <= 0)
        {
            throw new BusinessRuleException("A credit note must be for a positive amount.");
        }

        var today = await invoices.TodayForAsync(invoice.DebtorId, cancellationToken);
        var reason = Text.Clip(command.Reason, ReceivableLedger.ReasonLength);
        var after = await ledger.PostAsync(new LedgerPosting(invoice.Id, EntryTypes.CreditNote, -command.AmountMinor, today, "credit_note", command.SourceId, reason, CreditedDeltaMinor: command.AmountMinor, ClosedStatus: InvoiceStatuses.Paid), cancellationToken);
        var note = new CreditNoteDto(Ids.New("crn", time), invoice.Id, await sequences.NextAsync("credit_note", "CN", cancellationToken), command.AmountMinor, invoice.Currency, reason, time.GetUtcNow());
        await db.ExecuteAsync(InsertSql, new { note.Id, note.Number, note.InvoiceId, after.DebtorId, note.AmountMinor, note.Currency, note.Reason, command.SourceId, note.IssuedAt }, cancellationToken);
        await activity.AppendAsync(after.DebtorId, "credit_note.issued", $"Credit note {note.Number} for {new Money(note.AmountMinor, Currency.Of(note.Currency))} on invoice {after.Number}: {note.Reason}", after.Id, ct: cancellationToken);
        await mediator.Publish(new CreditNoteIssued(note, after.DebtorId, after.ExternalId, note.IssuedAt), cancellationToken);
        return note;
    }
}

internal sealed class IssueCreditNoteEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/invoices/{id}/credit-notes", async (string id, IssueCreditNoteRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var note = await mediator.Send(new IssueCreditNoteHttpCommand(id, request.Amount, request.Reason, IdempotencyHeader.From(http)), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/invoices/{id}", note);
            })
            .RequireAuthorization(Policies.Erp)
            .RequiresIdempotencyKey()
            .WithName("IssueCreditNote")
            .WithSummary("Issue a credit note")
            .WithDescription("Issue a credit note against an invoice (never above its balance). Requires an Idempotency-Key header.")
            .Produces<CreditNoteResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
