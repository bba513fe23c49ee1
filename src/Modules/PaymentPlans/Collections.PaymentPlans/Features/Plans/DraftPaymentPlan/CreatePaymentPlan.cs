using System.Text.Json;
using System.Text.Json.Serialization;
using Collections.PaymentPlans.Contracts;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.PaymentPlans.Features.Plans;

internal sealed record CreatePaymentPlanCommand(
    IReadOnlyList<string>? InvoiceIds,
    int InstallmentCount,
    string? Frequency,
    DateOnly? FirstPaymentDate,
    MoneyDto? DownPayment,
    [property: JsonIgnore] string IdempotencyKey) : IIdempotentCommand<PaymentPlanResponse>, IPlanTermsCommand;

internal sealed class CreatePaymentPlanValidator : PlanTermsValidator<CreatePaymentPlanCommand>
{
    public CreatePaymentPlanValidator() => RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
}

/// <summary>Within policy (and asked by a role that may self-approve) the plan is active at once; otherwise it waits for staff.</summary>
internal sealed class CreatePaymentPlanHandler(DbSession db, PlanDrafter drafter, PlanStore store, PlanLifecycle lifecycle, CallerContext caller, TimeProvider time)
    : IRequestHandler<CreatePaymentPlanCommand, PaymentPlanResponse>
{
    private const string InsertPlanSql = """
        INSERT INTO paymentplans_plans (id, debtor_id, status, currency, total_minor, paid_minor, down_payment_minor, frequency, first_payment_date,
            time_zone, policy_reasons_json, created_by, created_at, version)
        VALUES (@Id, @DebtorId, @Status, @Currency, @TotalMinor, 0, @DownPaymentMinor, @Frequency, @FirstPaymentDate,
            @TimeZone, @PolicyReasonsJson, @CreatedBy, @Now, 1)
        """;

    private const string InsertInvoiceSql = """
        INSERT INTO paymentplans_plan_invoices (plan_id, invoice_id, position, amount_minor) VALUES (@PlanId, @InvoiceId, @Position, @AmountMinor)
        """;

    private const string InsertInstallmentSql = """
        INSERT INTO paymentplans_installments (plan_id, number, due_date, amount_minor, paid_minor, status, is_down_payment)
        VALUES (@PlanId, @Number, @DueDate, @AmountMinor, 0, 'due', @IsDownPayment)
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PaymentPlanResponse> Handle(CreatePaymentPlanCommand command, CancellationToken cancellationToken)
    {
        var draft = await drafter.DraftAsync(command.ToTerms(), cancellationToken);
        var id = Ids.New("ppl", time);
        await db.ExecuteAsync(InsertPlanSql, new
        {
            Id = id,
            draft.DebtorId,
            Status = PaymentPlanStatuses.Proposed,
            draft.Currency,
            draft.TotalMinor,
            draft.DownPaymentMinor,
            command.Frequency,
            FirstPaymentDate = command.FirstPaymentDate!.Value,
            draft.TimeZone,
            PolicyReasonsJson = JsonSerializer.Serialize(draft.Reasons, Json),
            CreatedBy = $"{caller.Current.Role}:{caller.Current.Id}",
            Now = time.GetUtcNow(),
        }, cancellationToken);
        for (var i = 0; i < draft.Items.Count; i++)
        {
            await db.ExecuteAsync(InsertInvoiceSql, new { PlanId = id, InvoiceId = draft.Items[i].Id, Position = i, AmountMinor = draft.Items[i].BalanceMinor }, cancellationToken);
        }

        foreach (var installment in draft.Schedule)
        {
            await db.ExecuteAsync(InsertInstallmentSql, new { PlanId = id, installment.Number, installment.DueDate, installment.AmountMinor, installment.IsDownPayment }, cancellationToken);
        }

        var created = (await store.FindAsync(id, cancellationToken))!;
        if (draft.FitsPolicy)
        {
            await lifecycle.ActivateAsync(created, cancellationToken);
        }
        else
        {
            await lifecycle.RecordAsync(created.Plan, "payment_plan.proposed",
                $"Payment plan {id} proposed for {PlanLifecycle.Amount(draft.TotalMinor, draft.Currency)}; awaiting approval: {string.Join(" ", draft.Reasons.Select(r => r.Message))}", cancellationToken);
        }

        return PaymentPlanResponse.From((await store.FindAsync(id, cancellationToken))!);
    }
}

internal sealed class CreatePaymentPlanEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payment-plans", async (PaymentPlanTermsRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var plan = await mediator.Send(new CreatePaymentPlanCommand(request.InvoiceIds, request.InstallmentCount, request.Frequency, request.FirstPaymentDate, request.DownPayment, IdempotencyHeader.From(http)), ct);
                return Results.Created($"{EndpointModule.ApiPrefix}/payment-plans/{plan.Id}", plan);
            })
            .RequireAuthorization(Policies.DebtorOrStaff)
            .RequiresIdempotencyKey()
            .WithName("CreatePaymentPlan")
            .WithSummary("Create a payment plan")
            .WithDescription("Create a plan: active at once when it fits the policy, otherwise proposed for staff approval. Needs an Idempotency-Key.")
            .Produces<PaymentPlanResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
