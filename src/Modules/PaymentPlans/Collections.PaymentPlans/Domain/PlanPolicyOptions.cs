using Collections.SharedKernel.Security;

namespace Collections.PaymentPlans.Domain;

/// <summary>Configuration section PaymentPlans:Policy. Amounts are major units of the plan's currency.</summary>
internal sealed class PlanPolicyOptions
{
    public const string Section = "PaymentPlans:Policy";

    public int MaxInstallments { get; set; } = 12;

    public int MaxDaysToFirstPayment { get; set; } = 30;

    public int MinDownPaymentPercent { get; set; }

    public decimal AutoApproveMaxAmount { get; set; } = 10_000m;

    public decimal MinInstallmentAmount { get; set; } = 50m;

    /// <summary>Days after a due date before an unpaid installment is late.</summary>
    public int GraceDays { get; set; } = 5;

    /// <summary>Days after a due date before an unpaid installment defaults the plan.</summary>
    public int DefaultDays { get; set; } = 30;

    public int DefaultLookbackMonths { get; set; } = 12;

    /// <summary>Callers whose in-policy requests are approved on the spot; others always wait for staff.</summary>
    public string[] SelfApproveRoles { get; set; } = [Roles.Debtor, Roles.Staff, Roles.Admin];
}
