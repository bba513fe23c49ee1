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

/// <summary>
/// Not a command: no transaction may span the call to Stripe. The intent commits first, Stripe is asked with the intent's
/// own key, and the answer commits last (<see cref="RefundSettlement"/>); the same Idempotency-Key finds the same intent.
/// </summary>
internal sealed record RefundPaymentCommand(string PaymentId, decimal Amount, string? Reason, [property: JsonIgnore] string IdempotencyKey) : IRequest<RefundResponse>;

internal sealed class RefundPaymentValidator : AbstractValidator<RefundPaymentCommand>
{
    public RefundPaymentValidator()
    {
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(c => c.Amount).GreaterThan(0);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

internal sealed class RefundPaymentHandler(IMediator mediator, RefundSettlement settlement, PaymentBook book, CallerContext caller)
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

        var intent = await mediator.Send(new OpenRefundIntentCommand(
            payment.Id, Money.FromMajor(command.Amount, currency).Minor, command.Reason!.Trim(), $"{caller.Current.Id}:{command.IdempotencyKey}"), cancellationToken);
        if (intent.Status == RefundIntentStatuses.Pending)
        {
            intent = await settlement.SettleAsync(intent, cancellationToken)
                ?? throw new NotConfiguredException("Stripe did not confirm the refund in time. It stays pending, nothing is booked twice, and it is "
                    + "completed automatically once Stripe answers; repeat this request with the same Idempotency-Key to see its outcome.");
        }

        if (intent.Status == RefundIntentStatuses.Failed)
        {
            throw new BusinessRuleException(intent.Outcome ?? "Stripe refused the refund.");
        }

        var after = (await book.FindAsync(payment.Id, cancellationToken))!;
        return new RefundResponse(intent.Id, payment.Id, MoneyDto.Of(intent.AmountMinor, payment.Currency), intent.Reason, await book.ResponseAsync(after, cancellationToken));
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
            .WithDescription("Refund (part of) a payment: its unapplied credit first, then its allocations newest first, reopening those balances; a Stripe "
                + "payment is refunded through Stripe. When Stripe does not answer in time the answer is 503 and the refund stays pending: it is "
                + "completed by the reconciler, and a repeat with the same Idempotency-Key returns its outcome. Requires an Idempotency-Key header.")
            .Produces<RefundResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
