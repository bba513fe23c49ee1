using Collections.SharedKernel;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collections.PaymentPlans.Features.Plans;

public sealed record PaymentPlanQuoteInstallmentResponse(int Number, DateOnly DueDate, MoneyDto Amount, bool IsDownPayment);

public sealed record PaymentPlanQuoteResponse(
    string DebtorId,
    IReadOnlyList<string> InvoiceIds,
    MoneyDto Total,
    IReadOnlyList<PaymentPlanQuoteInstallmentResponse> Installments,
    bool AutoApproved,
    IReadOnlyList<PaymentPlanPolicyReasonResponse> PolicyReasons)
{
    internal static PaymentPlanQuoteResponse From(PlanDraft draft) => new(
        draft.DebtorId,
        draft.Items.Select(i => i.Id).ToList(),
        MoneyDto.Of(draft.TotalMinor, draft.Currency),
        draft.Schedule.Select(s => new PaymentPlanQuoteInstallmentResponse(s.Number, s.DueDate, MoneyDto.Of(s.AmountMinor, draft.Currency), s.IsDownPayment)).ToList(),
        draft.FitsPolicy,
        draft.Reasons.Select(r => new PaymentPlanPolicyReasonResponse(r.Code, r.Message)).ToList());
}

internal sealed record QuotePaymentPlanQuery(IReadOnlyList<string>? InvoiceIds, int InstallmentCount, string? Frequency, DateOnly? FirstPaymentDate, MoneyDto? DownPayment)
    : IRequest<PaymentPlanQuoteResponse>, IPlanTermsCommand;

internal sealed class QuotePaymentPlanValidator : PlanTermsValidator<QuotePaymentPlanQuery>;

internal sealed class QuotePaymentPlanHandler(PlanDrafter drafter) : IRequestHandler<QuotePaymentPlanQuery, PaymentPlanQuoteResponse>
{
    public async Task<PaymentPlanQuoteResponse> Handle(QuotePaymentPlanQuery query, CancellationToken cancellationToken) =>
        PaymentPlanQuoteResponse.From(await drafter.DraftAsync(query.ToTerms(), cancellationToken));
}

internal sealed class QuotePaymentPlanEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payment-plans/quotes", (PaymentPlanTermsRequest request, IMediator mediator, CancellationToken ct) => mediator.Send(new QuotePaymentPlanQuery(request.InvoiceIds, request.InstallmentCount, request.Frequency, request.FirstPaymentDate, request.DownPayment), ct))
            .RequireAuthorization(Policies.DebtorOrStaff)
            .WithoutIdempotencyKey("A quote changes nothing.")
            .WithName("QuotePaymentPlan")
            .WithSummary("Quote a payment plan")
            .WithDescription("The schedule a plan would have and whether it would be approved on the spot. Writes nothing.")
            .Produces<PaymentPlanQuoteResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
