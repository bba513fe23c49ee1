using Collections.Disputes.Contracts;
using Collections.SharedKernel.Errors;

namespace Collections.Disputes.Domain;

/// <summary>open → under_review → resolved | withdrawn; anything else is a 409.</summary>
internal static class DisputeTransitions
{
    public static bool IsActive(string status) => status is DisputeStatuses.Open or DisputeStatuses.UnderReview;

    public static void EnsureActive(DisputeRow dispute, string action)
    {
        if (!IsActive(dispute.Status))
        {
            throw new ConflictException($"Dispute {dispute.Number} is {dispute.Status}; it cannot {action}.");
        }
    }

    public static string Assign(DisputeRow dispute)
    {
        EnsureActive(dispute, "be assigned");
        return DisputeStatuses.UnderReview;
    }

    public static string Resolve(DisputeRow dispute)
    {
        if (dispute.Status != DisputeStatuses.UnderReview)
        {
            throw new ConflictException(dispute.Status == DisputeStatuses.Open
                ? $"Dispute {dispute.Number} is open; assign it for review before resolving it."
                : $"Dispute {dispute.Number} is {dispute.Status}; it cannot be resolved.");
        }

        return DisputeStatuses.Resolved;
    }

    public static string Withdraw(DisputeRow dispute)
    {
        EnsureActive(dispute, "be withdrawn");
        return DisputeStatuses.Withdrawn;
    }
}
