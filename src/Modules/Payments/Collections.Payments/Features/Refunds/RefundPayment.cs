using System.Text.Json.Serialization;
using Collections.Payments.Domain;
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

namespace Collections.Payments.Features.Refunds;

public sealed record RefundPaymentRequest(decimal Amount, string? Reason);

public sealed record RefundResponse(string Id, string PaymentId, MoneyDto Amount, string Reason, PaymentResponse Payment);

internal sealed record RefundPaymentCommand(string PaymentId, decimal Amount, string? Reason, [property: JsonIgnore] string IdempotencyKey) : IIdempotentCommand<RefundResponse>;

internal sealed class RefundPaymentValidator : AbstractValidator<RefundPaymentCommand>
{
    public RefundPaymentValidator()
    {
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(c => c.Amount).GreaterThan(0);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

internal sealed class RefundPaymentHandler(PaymentBook book, PaymentReversals reversals, DebtorLock locks, StripeGateway stripe)
    : IRequestHandler<RefundPaymentCommand, RefundResponse>
{
    public async Task<RefundResponse> Handle(RefundPaymentCommand command, CancellationToken cancellationToken)
    {
        var payment = await book.FindAsync(command.PaymentId, cancellationToken) ?? throw new NotFoundException("Payment", command.PaymentId);
        var currency = Currency.Of(payment.Currency);
        if (!Money.HasValidScale(command.Amount, currency))
        {
            throw new BusinessRuleException($"{command.Amount} has more decimals than {currency} allows.");
        }

        await locks.AcquireAsync(payment.DebtorId, cancellationToken);
        payment = (await book.FindAsync(payment.Id, cancellationToken))!;
        var amount = Money.FromMajor(command.Amount, currency).Minor;
        var reason = command.Reason!.Trim();
        if (payment.StripePaymentIntent is not null)
        {
            StripeGateway.ToStripe(amount, currency);
        }

        // The Stripe refund is the last step before commit, and keyed by our key, so a retry after a crash refunds once.
        var id = await reversals.RefundAsync(payment, amount, reason, async () => payment.StripePaymentIntent is { } intent
            ? await stripe.RefundAsync(intent, amount, currency, $"refund-{payment.Id}-{command.IdempotencyKey}", payment.Id, cancellationToken)
            : null, cancellationToken);
        var after = (await book.FindAsync(payment.Id, cancellationToken))!;
        return new RefundResponse(id, payment.Id, MoneyDto.Of(amount, payment.Currency), reason, await book.ResponseAsync(after, cancellationToken));
    }
}

internal sealed class RefundPaymentEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payments/{id}/refunds", async (string id, RefundPaymentRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var refund = await mediator.Send(new RefundPaymentCommand(id, request.Amount, request.Reason, IdempotencyHeader.From(http)), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/payments/{id}", refund);
            })
            .RequireAuthorization(Policies.Staff)
            .RequiresIdempotencyKey()
            .WithName("RefundPayment")
            .WithSummary("Refund a payment")
            .WithDescription("Refund (part of) a payment: its unapplied credit first, then its allocations newest first, reopening those balances; a Stripe payment is refunded through Stripe. Requires an Idempotency-Key header.")
            .Produces<RefundResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
