using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Operations;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Collections.PaymentPlans.Features.Evaluations;

public sealed record EvaluatePaymentPlansRequest(DateOnly? AsOf);

public sealed record EvaluatePaymentPlansResponse(int Evaluated, int LateInstallments, int Defaulted, int Completed);

/// <summary>
/// Not a command itself: each plan is judged in its own transaction, so the evaluation never holds the database for more
/// than one plan. One that fails stops the evaluation with the plans before it judged and committed; evaluating again
/// turns each installment late once and defaults each plan once.
/// </summary>
internal sealed record EvaluatePaymentPlansCommand(DateOnly? AsOf) : IRequest<EvaluatePaymentPlansResponse>;

internal sealed record EvaluatePaymentPlanCommand(string PlanId, DateOnly? AsOf) : ICommand<PlanEvaluationOutcome>;

/// <summary>Judging plans as of a later day would default them for installments not yet due, irreversibly.</summary>
internal sealed class EvaluatePaymentPlansValidator : AbstractValidator<EvaluatePaymentPlansCommand>
{
    public EvaluatePaymentPlansValidator(AsOfLimit limit, TimeProvider time) =>
        RuleFor(c => c.AsOf).Must(asOf => limit.Allows(asOf, time))
            .WithMessage(c => $"asOf may be at most {limit.Latest(time):yyyy-MM-dd}: plans cannot be judged on installments that are not due yet.").OverridePropertyName("asOf");
}

internal sealed record PlanEvaluationOutcome(int LateInstallments, bool Defaulted, bool Completed);

internal sealed class EvaluatePaymentPlansHandler(DbSession db, IMediator mediator) : IRequestHandler<EvaluatePaymentPlansCommand, EvaluatePaymentPlansResponse>
{
    private const string ActiveSql = "SELECT id FROM paymentplans_plans WHERE status = 'active' ORDER BY id";

    public async Task<EvaluatePaymentPlansResponse> Handle(EvaluatePaymentPlansCommand command, CancellationToken cancellationToken)
    {
        var outcomes = new List<PlanEvaluationOutcome>();
        foreach (var id in await db.QueryAsync<string>(ActiveSql, ct: cancellationToken))
        {
            outcomes.Add(await mediator.Send(new EvaluatePaymentPlanCommand(id, command.AsOf), cancellationToken));
        }

        return new EvaluatePaymentPlansResponse(outcomes.Count, outcomes.Sum(o => o.LateInstallments), outcomes.Count(o => o.Defaulted), outcomes.Count(o => o.Completed));
    }
}

/// <summary>"Today" is the debtor's own date unless an as-of date is given; each installment turns late or missed once.</summary>
internal sealed class EvaluatePaymentPlanHandler(PlanStore store, PlanLifecycle lifecycle, IMediator mediator, TimeProvider time, IOptions<PlanPolicyOptions> policy)
    : IRequestHandler<EvaluatePaymentPlanCommand, PlanEvaluationOutcome>
{
    public async Task<PlanEvaluationOutcome> Handle(EvaluatePaymentPlanCommand command, CancellationToken cancellationToken)
    {
        var loaded = await store.FindAsync(command.PlanId, cancellationToken);
        if (loaded is null || loaded.Plan.Status != PaymentPlanStatuses.Active)
        {
            return new PlanEvaluationOutcome(0, false, false);
        }

        var plan = loaded.Plan;
        var asOf = command.AsOf ?? LocalDate.Today(time, plan.TimeZone);
        var options = policy.Value;
        var assessment = InstallmentProgress.Assess(loaded.Installments.Select(i => i.ToState()).ToList(), asOf, options.GraceDays, options.DefaultDays);
        await store.SaveInstallmentsAsync(plan.Id, assessment.Installments, cancellationToken);
        foreach (var late in assessment.NewlyLate)
        {
            await lifecycle.RecordAsync(plan, "payment_plan.installment_late",
                $"Installment {late.Number} of payment plan {plan.Id}, due {late.DueDate:yyyy-MM-dd}, is unpaid: {PlanLifecycle.Amount(late.OutstandingMinor, plan.Currency)} outstanding.", cancellationToken);
            await mediator.Publish(new PaymentPlanInstallmentLate(plan.Id, plan.DebtorId, late.Number, late.DueDate, late.OutstandingMinor, plan.Currency, time.GetUtcNow(), late.DueDate.AddDays(options.DefaultDays + 1)), cancellationToken);
        }

        if (assessment.Defaulted)
        {
            var missed = assessment.Installments.First(i => i.Status == InstallmentStatuses.Missed);
            await lifecycle.CloseAsync(loaded, PaymentPlanStatuses.Defaulted,
                $"Installment {missed.Number} due {missed.DueDate:yyyy-MM-dd} is still unpaid {options.DefaultDays} days later.", plan.PaidMinor, cancellationToken);
        }
        else if (assessment.Completed)
        {
            await lifecycle.CloseAsync(loaded, PaymentPlanStatuses.Completed, "All installments paid.", plan.PaidMinor, cancellationToken);
        }

        return new PlanEvaluationOutcome(assessment.NewlyLate.Count, assessment.Defaulted, assessment.Completed);
    }
}

internal sealed class EvaluatePaymentPlansEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payment-plans/evaluations", (EvaluatePaymentPlansRequest? request, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new EvaluatePaymentPlansCommand(request?.AsOf), ct))
            .RequireAuthorization(Policies.Staff)
            .WithoutIdempotencyKey("An installment is settled or missed once: a repeated evaluation changes nothing twice.")
            .WithName("EvaluatePaymentPlans")
            .WithSummary("Evaluate payment plans")
            .WithDescription("Judge every active plan as of a date (default: each debtor's today): late installments, defaults, completions. Runs daily by itself.")
            .Produces<EvaluatePaymentPlansResponse>()
            .ProducesValidationProblem();
}
