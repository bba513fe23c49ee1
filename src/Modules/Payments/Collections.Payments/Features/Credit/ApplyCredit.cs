using System.Text.Json.Serialization;
using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
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

namespace Collections.Payments.Features.Credit;

public sealed record ApplyCreditRequest(string? Currency, IReadOnlyList<AllocationRequest>? Allocations);

public sealed record AppliedCreditResponse(string DebtorId, IReadOnlyList<PaymentAllocationResponse> Applied, IReadOnlyList<MoneyDto> RemainingCredit);

internal sealed record ApplyCreditCommand(string DebtorId, ApplyCreditRequest Body, [property: JsonIgnore] string IdempotencyKey) : IIdempotentCommand<AppliedCreditResponse>;

internal sealed class ApplyCreditValidator : AbstractValidator<ApplyCreditCommand>
{
    public ApplyCreditValidator()
    {
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(c => c.Body.Currency).KnownCurrency().When(c => c.Body?.Currency is not null).OverridePropertyName("currency");
        RuleForEach(c => c.Body.Allocations).NoEmptyItems().When(c => c.Body is not null).OverridePropertyName("allocations");
        RuleForEach(c => c.Body.Allocations).ChildRules(a =>
        {
            a.RuleFor(x => x.InvoiceId).NotEmpty().MaximumLength(40);
            a.RuleFor(x => x.Amount).GreaterThan(0);
        }).When(c => c.Body is not null).OverridePropertyName("allocations");
    }
}

/// <summary>Spends account credit oldest payment first, through the same allocation rules as a new payment.</summary>
internal sealed class ApplyCreditHandler(DbSession db, PaymentBook book, DebtorLock locks, IMediator mediator, TimeProvider time)
    : IRequestHandler<ApplyCreditCommand, AppliedCreditResponse>
{
    private const string CreditsSql = "SELECT " + PaymentRow.Columns + " FROM payments_payments WHERE debtor_id = @DebtorId AND unapplied_minor > 0 ORDER BY id";

    private const string SpendSql = "UPDATE payments_payments SET unapplied_minor = unapplied_minor - @AmountMinor, version = version + 1 WHERE id = @Id AND unapplied_minor >= @AmountMinor";

    public async Task<AppliedCreditResponse> Handle(ApplyCreditCommand command, CancellationToken cancellationToken)
    {
        var debtor = await mediator.Send(new GetDebtorQuery(command.DebtorId), cancellationToken) ?? throw new NotFoundException("Debtor", command.DebtorId);

        await locks.AcquireAsync(command.DebtorId, cancellationToken);
        var credits = await db.QueryAsync<PaymentRow>(CreditsSql, new { command.DebtorId }, cancellationToken);
        var currencies = credits.Select(c => c.Currency).Distinct().ToList();
        var code = command.Body.Currency ?? (currencies.Count == 1 ? currencies[0] : null)
            ?? throw new BusinessRuleException(currencies.Count == 0 ? "The debtor has no unapplied credit." : "The debtor has credit in several currencies: name the currency to apply.");
        var sources = new Queue<(PaymentRow Payment, long Left)>(credits.Where(c => c.Currency == code).Select(c => (c, c.UnappliedMinor)));
        var total = sources.Sum(s => s.Left);
        if (total == 0)
        {
            throw new BusinessRuleException($"The debtor has no unapplied {code} credit.");
        }

        var currency = Currency.Of(code);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var requested = command.Body.Allocations?.Select(a => new RequestedAllocation(a.InvoiceId, ToMinor(a.Amount, currency))).ToList();
        var plan = AllocationPlanner.Plan(total, code, today, await mediator.Send(new GetOpenItemsQuery(command.DebtorId), cancellationToken), requested, debtor.AllocationOrder);
        var applied = new List<PaymentAllocationDto>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var allocation in plan.Allocations)
        {
            var left = allocation.AmountMinor;
            while (left > 0)
            {
                var (payment, available) = sources.Dequeue();
                var take = Math.Min(left, available);
                left -= take;
                if (await db.ExecuteAsync(SpendSql, new { payment.Id, AmountMinor = take }, cancellationToken) == 0)
                {
                    throw new ConflictException("The debtor's credit changed while it was being applied. Retry the request.");
                }

                touched.Add(payment.Id);
                applied.Add(await book.ApplyAsync(payment.Id, payment.DebtorId, code, allocation with { AmountMinor = take, TakeDiscount = allocation.TakeDiscount && left == 0 }, today, "credit", cancellationToken));
                if (available > take)
                {
                    sources = new Queue<(PaymentRow, long)>(sources.Prepend((payment, available - take)));
                }
            }
        }

        foreach (var spent in touched)
        {
            await book.ChangedAsync(spent, cancellationToken);
        }

        await mediator.Send(new RecordActivityCommand(command.DebtorId, "credit.applied", $"{new Money(plan.AllocatedMinor, currency)} of account credit applied to {plan.Allocations.Count} item(s)."), cancellationToken);
        var remaining = await mediator.Send(new GetUnappliedCreditQuery(command.DebtorId), cancellationToken);
        return new AppliedCreditResponse(command.DebtorId,
            applied.Select(a => new PaymentAllocationResponse(a.ItemId, MoneyDto.Of(a.AmountMinor, code), MoneyDto.Of(a.DiscountMinor, code), MoneyDto.Of(0, code), "credit")).ToList(),
            remaining.Select(r => MoneyDto.Of(r.AmountMinor, r.Currency)).ToList());
    }

    private static long ToMinor(decimal amount, Currency currency) =>
        Money.HasValidScale(amount, currency) ? Money.FromMajor(amount, currency).Minor : throw new BusinessRuleException($"{amount} has more decimals than {currency} allows.");
}

internal sealed class ApplyCreditEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/debtors/{id}/credit/apply", async (string id, ApplyCreditRequest? request, HttpContext http, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ApplyCreditCommand(id, request ?? new ApplyCreditRequest(null, null), IdempotencyHeader.From(http)), ct)))
            .RequireAuthorization(Policies.Erp)
            .RequiresIdempotencyKey()
            .WithName("ApplyCredit")
            .WithSummary("Apply account credit")
            .WithDescription("Apply the debtor's unapplied account credit: explicit allocations, or oldest due first skipping disputed amounts. Requires an Idempotency-Key header.")
            .Produces<AppliedCreditResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
