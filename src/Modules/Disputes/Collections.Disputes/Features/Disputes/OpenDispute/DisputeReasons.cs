namespace Collections.Disputes.Features.Disputes;

internal static class DisputeReasons
{
    public static readonly string[] All = ["pricing", "quantity", "damaged_or_defective", "not_received", "duplicate_billing", "already_paid", "other"];
}
