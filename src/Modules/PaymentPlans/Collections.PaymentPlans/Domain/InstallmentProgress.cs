namespace Collections.PaymentPlans.Domain;

internal static class InstallmentStatuses
{
    public const string Due = "due";
    public const string Paid = "paid";
    public const string Late = "late";
    public const string Missed = "missed";
}

internal sealed record InstallmentState(int Number, DateOnly DueDate, long AmountMinor, long PaidMinor, string Status)
{
    public long OutstandingMinor => AmountMinor - PaidMinor;

    public bool IsPaid => PaidMinor >= AmountMinor;
}

internal sealed record PlanAssessment(IReadOnlyList<InstallmentState> Installments, IReadOnlyList<InstallmentState> NewlyLate, bool Defaulted, bool Completed);

/// <summary>
/// Money paid on a plan fills installments in due order (overpaying one pays ahead); dates then decide which
/// unpaid installments are late (after the grace days) or missed (after the default days, which breaks the plan).
/// </summary>
internal static class InstallmentProgress
{
    public static IReadOnlyList<InstallmentState> ApplyPaid(IReadOnlyList<InstallmentState> installments, long paidMinor)
    {
        var left = Math.Max(0, paidMinor);
        var result = new List<InstallmentState>(installments.Count);
        foreach (var installment in installments.OrderBy(i => i.Number))
        {
            var paid = Math.Min(installment.AmountMinor, left);
            left -= paid;
            var status = paid >= installment.AmountMinor ? InstallmentStatuses.Paid
                : installment.Status == InstallmentStatuses.Paid ? InstallmentStatuses.Due
                : installment.Status;
            result.Add(installment with { PaidMinor = paid, Status = status });
        }

        return result;
    }

    /// <summary>
    /// A credit note or write-off lowers what is owed: the last installments shrink (and vanish at zero), so the
    /// debtor's next payments stay as agreed and the plan simply ends sooner. Never below what is already paid.
    /// </summary>
    public static IReadOnlyList<InstallmentState> Shrink(IReadOnlyList<InstallmentState> installments, long reduceMinor)
    {
        var left = reduceMinor;
        var result = new List<InstallmentState>(installments.Count);
        foreach (var installment in installments.OrderByDescending(i => i.Number))
        {
            var take = Math.Min(Math.Max(0, left), installment.AmountMinor - installment.PaidMinor);
            left -= take;
            var amount = installment.AmountMinor - take;
            if (amount > 0)
            {
                result.Add(installment with { AmountMinor = amount, Status = installment.PaidMinor >= amount ? InstallmentStatuses.Paid : installment.Status });
            }
        }

        result.Reverse();
        return result;
    }

    public static PlanAssessment Assess(IReadOnlyList<InstallmentState> installments, DateOnly asOf, int graceDays, int defaultDays)
    {
        var result = new List<InstallmentState>(installments.Count);
        var newlyLate = new List<InstallmentState>();
        foreach (var installment in installments.OrderBy(i => i.Number))
        {
            var status = installment.IsPaid ? InstallmentStatuses.Paid
                : asOf > installment.DueDate.AddDays(defaultDays) ? InstallmentStatuses.Missed
                : asOf > installment.DueDate.AddDays(graceDays) ? InstallmentStatuses.Late
                : InstallmentStatuses.Due;
            var next = installment with { Status = status };
            if (status is InstallmentStatuses.Late or InstallmentStatuses.Missed && installment.Status is InstallmentStatuses.Due or InstallmentStatuses.Paid)
            {
                newlyLate.Add(next);
            }

            result.Add(next);
        }

        return new PlanAssessment(
            result,
            newlyLate,
            Defaulted: result.Any(i => i.Status == InstallmentStatuses.Missed),
            Completed: result.All(i => i.Status == InstallmentStatuses.Paid));
    }
}
