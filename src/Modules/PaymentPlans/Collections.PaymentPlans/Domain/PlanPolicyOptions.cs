using Collections.SharedKernel;
using Collections.SharedKernel.Security;

namespace Collections.PaymentPlans.Domain;

/// <summary>
/// Configuration section PaymentPlans:Policy. Amounts are major units of the reporting currency
/// (`Collections:ReportingCurrency`), scaled into a plan's currency by <see cref="CurrencyThresholds"/>: its own figure
/// from `…ByCurrency:{CODE}`, else at the indicative rate; a currency with neither is never approved on the spot.
/// </summary>
internal sealed class PlanPolicyOptions
{
    public const string Section = "PaymentPlans:Policy";

    public int MaxInstallments { get; set; } = 12;

    public int MaxDaysToFirstPayment { get; set; } = 30;

    public int MinDownPaymentPercent { get; set; }

    public decimal AutoApproveMaxAmount { get; set; } = 10_000m;

    public Dictionary<string, decimal> AutoApproveMaxAmountByCurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public decimal MinInstallmentAmount { get; set; } = 50m;

    public Dictionary<string, decimal> MinInstallmentAmountByCurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days after a due date before an unpaid installment is late.</summary>
    public int GraceDays { get; set; } = 5;

    /// <summary>Days after a due date before an unpaid installment defaults the plan.</summary>
    public int DefaultDays { get; set; } = 30;

    public int DefaultLookbackMonths { get; set; } = 12;

    /// <summary>Callers whose in-policy requests are approved on the spot; others always wait for staff.</summary>
    public string[] SelfApproveRoles { get; set; } = [Roles.Debtor, Roles.Staff, Roles.Admin];
}
