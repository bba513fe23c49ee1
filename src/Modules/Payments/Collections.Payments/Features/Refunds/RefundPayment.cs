using System.Text.Json;
using System.Text.Json.Serialization;
using Collections.Invoicing.Contracts;
using Collections.Payments.Domain;
using Collections.Payments.Features.Payments;
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

internal sealed class RefundPaymentHandler(IMediator mediator, RefundSettlement settlement, PaymentBook book, CallerContext caller, IdempotencyContext idempotency)
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
        if (intent.ResponseJson is { } first)
        {
            idempotency.Replayed = true;
            return RefundAnswers.Read(first);
        }

        if (intent.Status == RefundIntentStatuses.Pending)
        {
            intent = await settlement.SettleAsync(intent, cancellationToken)
                ?? throw new NotConfiguredException("Stripe has not confirmed the refund yet, or its confirmation could not be recorded. It stays pending, "
                    + "nothing is booked twice, and it is completed automatically once Stripe's answer is recorded; repeat this request with the same "
                    + "Idempotency-Key to see its outcome.");
        }

        if (intent.Status == RefundIntentStatuses.Failed)
        {
            throw new BusinessRuleException(intent.Outcome ?? "Stripe refused the refund.");
        }

        var after = (await book.FindAsync(payment.Id, cancellationToken))!;
        var answer = new RefundResponse(intent.Id, payment.Id, MoneyDto.Of(intent.AmountMinor, payment.Currency), intent.Reason, await book.ResponseAsync(after, cancellationToken));
        return RefundAnswers.Read(await mediator.Send(new KeepRefundAnswerCommand(intent.Id, RefundAnswers.Write(answer)), cancellationToken));
    }
}

/// <summary>The first answer of a finished refund request, kept with its intent: a repeat returns it as it was, whatever changed since.</summary>
internal sealed record KeepRefundAnswerCommand(string IntentId, string ResponseJson) : ICommand<string>;

internal sealed class KeepRefundAnswerHandler(DbSession db) : IRequestHandler<KeepRefundAnswerCommand, string>
{
    private const string KeepSql = "UPDATE payments_refund_intents SET response_json = @ResponseJson WHERE id = @IntentId AND response_json IS NULL";

    /// <summary>The answer kept: this one, or the one a concurrent repeat kept first.</summary>
    public async Task<string> Handle(KeepRefundAnswerCommand command, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(KeepSql, command, cancellationToken);
        return (await RefundIntentQueries.ByIdAsync(db, command.IntentId, cancellationToken)).ResponseJson!;
    }
}

internal static class RefundAnswers
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(RefundResponse answer) => JsonSerializer.Serialize(answer, Json);

    public static RefundResponse Read(string json) => JsonSerializer.Deserialize<RefundResponse>(json, Json)!;
}

/// <summary>
/// First step of a refund, in its own transaction: the same request (payment, caller, key) finds its intent again; a new
/// one is checked against what is refundable, less what other intents still wait for. A payment received outside Stripe
/// has nobody to ask, so its refund is booked at once.
/// </summary>
internal sealed record OpenRefundIntentCommand(string PaymentId, long AmountMinor, string Reason, string RequestKey) : ICommand<RefundIntentRow>;

internal sealed class OpenRefundIntentHandler(DbSession db, PaymentBook book, RefundBook refunds, DebtorLock locks, TimeProvider time)
    : IRequestHandler<OpenRefundIntentCommand, RefundIntentRow>
{
    private const string InsertSql = """
        INSERT INTO payments_refund_intents (id, payment_id, request_key, amount_minor, reason, status, outcome, created_at, updated_at)
        VALUES (@Id, @PaymentId, @RequestKey, @AmountMinor, @Reason, @Status, NULL, @Now, @Now)
        """;

    public async Task<RefundIntentRow> Handle(OpenRefundIntentCommand command, CancellationToken cancellationToken)
    {
        var payment = await book.FindAsync(command.PaymentId, cancellationToken) ?? throw new NotFoundException("Payment", command.PaymentId);
        await locks.AcquireAsync(payment.DebtorId, cancellationToken);
        if (await RefundIntentQueries.FindAsync(db, command.PaymentId, command.RequestKey, cancellationToken) is { } earlier)
        {
            return earlier.AmountMinor == command.AmountMinor && earlier.Reason == command.Reason
                ? earlier
                : throw new BusinessRuleException("This Idempotency-Key was already used with a different request body.");
        }

        payment = (await book.FindAsync(payment.Id, cancellationToken))!;
        var currency = Currency.Of(payment.Currency);
        var refundable = payment.RefundableMinor - await refunds.PendingRefundsMinorAsync(payment.Id, cancellationToken);
        if (command.AmountMinor > refundable)
        {
            throw new BusinessRuleException($"At most {new Money(Math.Max(refundable, 0), currency)} of payment {payment.Id} can be refunded"
                + (refundable < payment.RefundableMinor ? " while earlier refunds wait for Stripe's confirmation." : "."));
        }

        var id = Ids.New("ref", time);
        var viaStripe = payment.StripePaymentIntent is not null;
        if (viaStripe)
        {
            StripeGateway.ToStripe(command.AmountMinor, currency);
        }
        else
        {
            await refunds.RefundAsync(payment, command.AmountMinor, command.Reason, id, null, cancellationToken);
        }

        await db.ExecuteAsync(InsertSql, new
        {
            Id = id,
            command.PaymentId,
            command.RequestKey,
            command.AmountMinor,
            command.Reason,
            Status = viaStripe ? RefundIntentStatuses.Pending : RefundIntentStatuses.Done,
            Now = time.GetUtcNow(),
        }, cancellationToken);
        return (await RefundIntentQueries.FindAsync(db, command.PaymentId, command.RequestKey, cancellationToken))!;
    }
}

/// <summary>
/// Last step, in its own transaction: what Stripe answered is booked once, whoever (the request, the reconciler or Stripe's
/// refund event) got the answer. A refund Stripe has not decided yet keeps the intent pending, with the refund's id. No
/// answer and a refusal fail the intent.
/// </summary>
internal sealed record FinishRefundIntentCommand(string IntentId, StripeRefundAnswer? Answer, string? Refusal) : ICommand<RefundIntentRow>;

internal sealed class FinishRefundIntentHandler(DbSession db, PaymentBook book, RefundBook refunds, DebtorLock locks, IMediator mediator, TimeProvider time)
    : IRequestHandler<FinishRefundIntentCommand, RefundIntentRow>
{
    private const string FinishSql = """
        UPDATE payments_refund_intents SET status = @Status, outcome = @Outcome, stripe_refund_id = COALESCE(@StripeRefundId, stripe_refund_id), updated_at = @Now
        WHERE id = @Id AND status = 'pending'
        """;

    private const string AwaitedSql = "UPDATE payments_refund_intents SET stripe_refund_id = @StripeRefundId, updated_at = @Now WHERE id = @Id AND status = 'pending'";

    public async Task<RefundIntentRow> Handle(FinishRefundIntentCommand command, CancellationToken cancellationToken)
    {
        var intent = await RefundIntentQueries.ByIdAsync(db, command.IntentId, cancellationToken);
        var payment = (await book.FindAsync(intent.PaymentId, cancellationToken))!;
        await locks.AcquireAsync(payment.DebtorId, cancellationToken);
        intent = await RefundIntentQueries.ByIdAsync(db, command.IntentId, cancellationToken);
        if (intent.Status != RefundIntentStatuses.Pending)
        {
            return intent;
        }

        var answer = command.Answer;
        if (answer is { Succeeded: true })
        {
            await db.ExecuteAsync(FinishSql, new { intent.Id, Status = RefundIntentStatuses.Done, Outcome = Text.Clip($"Stripe refund {answer.Id}", RefundIntentRow.OutcomeLength), StripeRefundId = answer.Id, Now = time.GetUtcNow() }, cancellationToken);
            await refunds.RefundAsync((await book.FindAsync(payment.Id, cancellationToken))!, intent.AmountMinor, intent.Reason, intent.Id, answer.Id, cancellationToken);
        }
        else if (answer is { Failed: false })
        {
            await db.ExecuteAsync(AwaitedSql, new { intent.Id, StripeRefundId = answer.Id, Now = time.GetUtcNow() }, cancellationToken);
        }
        else
        {
            var refusal = Text.Clip(answer is null ? command.Refusal ?? "Stripe refused the refund." : $"Stripe reports refund {answer.Id} {answer.Status}"
                + (answer.FailureReason is null ? "." : $" ({answer.FailureReason})."), RefundIntentRow.OutcomeLength);
            await db.ExecuteAsync(FinishSql, new { intent.Id, Status = RefundIntentStatuses.Failed, Outcome = refusal, StripeRefundId = answer?.Id, Now = time.GetUtcNow() }, cancellationToken);
            await mediator.Send(new RecordActivityCommand(payment.DebtorId, "payment.refund_failed",
                $"A refund of {new Money(intent.AmountMinor, Currency.Of(payment.Currency))} of payment {payment.Id} did not happen: {refusal}"), cancellationToken);
        }

        return await RefundIntentQueries.ByIdAsync(db, intent.Id, cancellationToken);
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
