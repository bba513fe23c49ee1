namespace Collections.Invoicing.Domain;

internal sealed record EarlyPaymentOffer(long DiscountMinor, DateOnly PayBy);

/// <summary>
/// "2/10 net 30": a percent off when the invoice is paid in full within N days of its issue date.
/// The discount is on the invoice total less credit notes, rounded half away from zero to the
/// minor unit, and is offered only while the invoice is open, nothing is on dispute, and the
/// payer still owes more than the discount.
/// </summary>
internal static class EarlyPaymentTerms
{
    public const int BasisPointsPerPercent = 100;

    public static long DiscountOf(long baseMinor, int basisPoints) =>
        (long)Math.Round(baseMinor * (decimal)basisPoints / (100m * BasisPointsPerPercent), MidpointRounding.AwayFromZero);

    public static DateOnly PayBy(DateOnly issueDate, int withinDays) => issueDate.AddDays(withinDays);

    public static EarlyPaymentOffer? Available(ReceivableRow item, DateOnly today)
    {
        if (item is not { DiscountBasisPoints: > 0, DiscountDays: not null } || !item.IsOpen || item.DisputedMinor > 0)
        {
            return null;
        }

        var payBy = PayBy(item.IssueDate, item.DiscountDays.Value);
        var discount = DiscountOf(item.TotalMinor - item.CreditedMinor, item.DiscountBasisPoints.Value);
        return today <= payBy && discount > 0 && discount < item.BalanceMinor ? new EarlyPaymentOffer(discount, payBy) : null;
    }
}
