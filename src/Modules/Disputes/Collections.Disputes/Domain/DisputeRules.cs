using Collections.Disputes.Contracts;
using Collections.SharedKernel.Errors;

namespace Collections.Disputes.Domain;

internal static class DisputeReasons
{
    public static readonly string[] All = ["pricing", "quantity", "damaged_or_defective", "not_received", "duplicate_billing", "already_paid", "other"];
}

internal static class DisputeOutcomes
{
    public const string Upheld = "upheld";
    public const string PartiallyUpheld = "partially_upheld";
    public const string Rejected = "rejected";

    /// <summary>The words staff type (accepted, partially_accepted) and the contract's words both name an outcome.</summary>
    public static readonly string[] Accepted = ["accepted", "partially_accepted", "rejected", Upheld, PartiallyUpheld];

    public static string? Normalize(string? outcome) => outcome switch
    {
        "accepted" or Upheld => Upheld,
        "partially_accepted" or PartiallyUpheld => PartiallyUpheld,
        Rejected => Rejected,
        _ => null,
    };
}

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

/// <summary>What a resolution credits: all of the disputed amount, the part staff grant, or nothing — never more than the invoice still owes.</summary>
internal static class ResolutionCredit
{
    public static long For(string outcome, long disputedMinor, long? requestedMinor, long balanceMinor)
    {
        switch (outcome)
        {
            case DisputeOutcomes.Upheld:
                if (requestedMinor is not null && requestedMinor != disputedMinor)
                {
                    throw new BusinessRuleException("An upheld dispute credits the whole disputed amount; use partially_accepted for a part.");
                }

                return Math.Min(disputedMinor, balanceMinor);
            case DisputeOutcomes.PartiallyUpheld:
                if (requestedMinor is not > 0 || requestedMinor >= disputedMinor)
                {
                    throw new BusinessRuleException("A partial resolution needs a credit amount above zero and below the disputed amount.");
                }

                if (requestedMinor > balanceMinor)
                {
                    throw new BusinessRuleException("The credit amount is more than the invoice still owes.");
                }

                return requestedMinor.Value;
            default:
                if (requestedMinor is not null and not 0)
                {
                    throw new BusinessRuleException("A rejected dispute credits nothing; leave out the credit amount.");
                }

                return 0;
        }
    }
}
