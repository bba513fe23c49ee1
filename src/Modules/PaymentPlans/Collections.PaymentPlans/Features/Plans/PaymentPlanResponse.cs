using System.Text.Json;
using Collections.PaymentPlans.Domain;
using Collections.SharedKernel;

namespace Collections.PaymentPlans.Features.Plans;

public sealed record PaymentPlanPolicyReasonResponse(string Code, string Message);

public sealed record PaymentPlanInstallmentResponse(int Number, DateOnly DueDate, MoneyDto Amount, MoneyDto PaidAmount, string Status, bool IsDownPayment);

/// <summary>A plan with its schedule. AtRisk: an installment is late; the plan defaults if it stays unpaid.</summary>
public sealed record PaymentPlanResponse(
    string Id,
    string DebtorId,
    string Status,
    bool AtRisk,
    string Frequency,
    MoneyDto Total,
    MoneyDto Paid,
    MoneyDto Outstanding,
    MoneyDto DownPayment,
    IReadOnlyList<string> InvoiceIds,
    IReadOnlyList<PaymentPlanInstallmentResponse> Installments,
    IReadOnlyList<PaymentPlanPolicyReasonResponse> PolicyReasons,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? ClosedAt,
    string? CloseReason,
    int Version)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static PaymentPlanResponse From(LoadedPlan loaded)
    {
        var plan = loaded.Plan;
        MoneyDto M(long minor) => MoneyDto.Of(minor, plan.Currency);
        return new PaymentPlanResponse(
            plan.Id,
            plan.DebtorId,
            plan.Status,
            loaded.Installments.Any(i => i.Status is InstallmentStatuses.Late or InstallmentStatuses.Missed),
            plan.Frequency,
            M(plan.TotalMinor),
            M(plan.PaidMinor),
            M(plan.TotalMinor - plan.PaidMinor),
            M(plan.DownPaymentMinor),
            loaded.InvoiceIds,
            loaded.Installments.Select(i => new PaymentPlanInstallmentResponse(i.Number, i.DueDate, M(i.AmountMinor), M(i.PaidMinor), i.Status, i.IsDownPayment)).ToList(),
            JsonSerializer.Deserialize<List<PaymentPlanPolicyReasonResponse>>(plan.PolicyReasonsJson, Json) ?? [],
            plan.CreatedAt,
            plan.ActivatedAt,
            plan.ClosedAt,
            plan.CloseReason,
            plan.Version);
    }
}
