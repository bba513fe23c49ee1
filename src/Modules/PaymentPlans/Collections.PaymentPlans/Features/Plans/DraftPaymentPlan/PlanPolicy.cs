using Collections.PaymentPlans.Domain;
using Collections.SharedKernel;

namespace Collections.PaymentPlans.Features.Plans;

internal sealed record PolicyReason(string Code, string Message);

internal sealed record PolicyInput(
    long TotalMinor,
    string Currency,
    IReadOnlyList<ScheduledInstallment> Schedule,
    long DownPaymentMinor,
    DateOnly FirstPaymentDate,
    DateOnly Today,
    bool DefaultedRecently,
    string CallerRole);

/// <summary>Why a request may not be approved on the spot; an empty list means it fits the policy.</summary>
internal static class PlanPolicy
{
    public static IReadOnlyList<PolicyReason> Check(PlanPolicyOptions policy, IndicativeRates rates, PolicyInput input)
    {
        var currency = SharedKernel.Currency.Of(input.Currency);
        var reasons = new List<PolicyReason>();
        if (input.Schedule.Count > policy.MaxInstallments)
        {
            reasons.Add(new("max_installments", $"At most {policy.MaxInstallments} installments are approved automatically; {input.Schedule.Count} were requested."));
        }

        var daysToFirst = input.FirstPaymentDate.DayNumber - input.Today.DayNumber;
        if (daysToFirst > policy.MaxDaysToFirstPayment)
        {
            reasons.Add(new("max_days_to_first_payment", $"The first payment must be within {policy.MaxDaysToFirstPayment} days; it is {daysToFirst} days away."));
        }

        var minDown = MinDownPaymentMinor(input.TotalMinor, policy.MinDownPaymentPercent);
        if (input.DownPaymentMinor < minDown)
        {
            reasons.Add(new("min_down_payment", $"A down payment of at least {policy.MinDownPaymentPercent}% ({new Money(minDown, currency)}) is required."));
        }

        var autoMax = CurrencyThresholds.MinorIn(currency.Code, policy.AutoApproveMaxAmount, policy.AutoApproveMaxAmountByCurrency, rates, MidpointRounding.ToZero);
        if (autoMax is null)
        {
            reasons.Add(new("auto_approve_max_amount", $"Plans in {currency.Code} need approval by our team."));
        }
        else if (input.TotalMinor > autoMax)
        {
            reasons.Add(new("auto_approve_max_amount", $"Plans above {new Money(autoMax.Value, currency)} need approval by our team."));
        }

        var minInstallment = CurrencyThresholds.MinorIn(currency.Code, policy.MinInstallmentAmount, policy.MinInstallmentAmountByCurrency, rates, MidpointRounding.AwayFromZero);
        var smallest = input.Schedule.Where(i => !i.IsDownPayment).Select(i => i.AmountMinor).DefaultIfEmpty(0).Min();
        if (minInstallment is { } least && smallest < least)
        {
            reasons.Add(new("min_installment", $"Each installment must be at least {new Money(least, currency)}."));
        }

        if (input.DefaultedRecently)
        {
            reasons.Add(new("recent_default", $"A plan of this account defaulted in the last {policy.DefaultLookbackMonths} months."));
        }

        if (!policy.SelfApproveRoles.Contains(input.CallerRole, StringComparer.Ordinal))
        {
            reasons.Add(new("approval_required", "Plans requested this way are reviewed by our team."));
        }

        return reasons;
    }

    /// <summary>Rounded up, so "at least 10%" of 0.05 is 0.01, never 0.</summary>
    public static long MinDownPaymentMinor(long totalMinor, int percent) =>
        percent <= 0 ? 0 : checked((totalMinor * percent) + 99) / 100;
}
