using System.Text.Json.Serialization;
using Collections.Invoicing.Contracts;
using Collections.Payments.Domain;
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

namespace Collections.Payments.Features.Payments;

public sealed record AllocationRequest(string InvoiceId, decimal Amount);

public sealed record RecordPaymentRequest(
    string DebtorId,
    decimal Amount,
    string Currency,
    string Method,
    string? Reference,
    DateOnly? ReceivedAt,
    IReadOnlyList<AllocationRequest>? Allocations);

internal sealed record RecordPaymentCommand(RecordPaymentRequest Payment, [property: JsonIgnore] string IdempotencyKey) : IIdempotentCommand<PaymentResponse>;

internal sealed class RecordPaymentValidator : AbstractValidator<RecordPaymentCommand>
{
    public static readonly string[] Methods = ["bank_transfer", "wire", "check", "cheque", "ach", "card", "bank_debit", "cash", "other"];

    public RecordPaymentValidator()
    {
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(c => c.Payment).NotNull();
        When(c => c.Payment is not null, () =>
        {
            RuleFor(c => c.Payment.DebtorId).NotEmpty().MaximumLength(40).OverridePropertyName("debtorId");
            RuleFor(c => c.Payment.Currency).KnownCurrency().OverridePropertyName("currency");
            RuleFor(c => c.Payment.Amount).PositiveAmountIn(c => c.Payment.Currency).OverridePropertyName("amount");
            RuleFor(c => c.Payment.Method).Must(m => Methods.Contains(m)).WithMessage($"The method must be one of: {string.Join(", ", Methods)}.").OverridePropertyName("method");
            RuleFor(c => c.Payment.Reference).MaximumLength(200).OverridePropertyName("reference");
            RuleFor(c => c.Payment.ReceivedAt).NotNull().OverridePropertyName("receivedAt");
            RuleForEach(c => c.Payment.Allocations).NoEmptyItems().OverridePropertyName("allocations");
            RuleForEach(c => c.Payment.Allocations).ChildRules(a =>
            {
                a.RuleFor(x => x.InvoiceId).NotEmpty().MaximumLength(40);
                a.RuleFor(x => x.Amount).GreaterThan(0);
            }).OverridePropertyName("allocations");
            RuleForEach(c => c.Payment.Allocations).Must((c, a) => a is null || !Currency.TryFind(c.Payment.Currency, out var cur) || Money.HasValidScale(a.Amount, cur))
                .WithMessage("An allocation amount has more decimals than the currency allows.").OverridePropertyName("allocations");
        });
    }
}

internal sealed class RecordPaymentHandler(PaymentBook book, DebtorLock locks, IMediator mediator, TimeProvider time) : IRequestHandler<RecordPaymentCommand, PaymentResponse>
{
    public async Task<PaymentResponse> Handle(RecordPaymentCommand command, CancellationToken cancellationToken)
    {
        var p = command.Payment;
        var currency = Currency.Of(p.Currency);
        var debtor = await mediator.Send(new GetDebtorQuery(p.DebtorId), cancellationToken)
            ?? throw new BusinessRuleException($"Debtor '{p.DebtorId}' does not exist.");

        if (p.ReceivedAt > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1))
        {
            throw new BusinessRuleException("A payment cannot be received in the future.");
        }

        await locks.AcquireAsync(p.DebtorId, cancellationToken);
        // Early-payment discounts as of the day the money arrived, not the day it is recorded (a bank statement comes the morning after).
        var open = await mediator.Send(new GetOpenItemsQuery(p.DebtorId, p.ReceivedAt), cancellationToken);
        var amount = Money.FromMajor(p.Amount, currency).Minor;
        var requested = p.Allocations?.Select(a => new RequestedAllocation(a.InvoiceId, Money.FromMajor(a.Amount, currency).Minor)).ToList();
        var plan = AllocationPlanner.Plan(amount, currency.Code, p.ReceivedAt!.Value, open, requested, debtor.AllocationOrder);
        var id = await book.RecordAsync(new NewPayment(p.DebtorId, amount, currency.Code, p.Method, p.Reference?.Trim(), p.ReceivedAt.Value), plan, cancellationToken);
        return await book.ResponseAsync((await book.FindAsync(id, cancellationToken))!, cancellationToken);
    }
}

internal sealed class RecordPaymentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payments", async (RecordPaymentRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var payment = await mediator.Send(new RecordPaymentCommand(request, IdempotencyHeader.From(http)), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/payments/{payment.Id}", payment);
            })
            .RequireAuthorization(Policies.Erp)
            .RequiresIdempotencyKey()
            .WithName("RecordPayment")
            .WithSummary("Record a payment")
            .WithDescription("Record a payment received (wire, cheque, ...). Explicit allocations, or oldest due first skipping disputed amounts; the rest becomes account credit. Requires an Idempotency-Key header.")
            .Produces<PaymentResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
