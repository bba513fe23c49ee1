using Collections.SharedKernel.Errors;

namespace Collections.Disputes.Features.Disputes;

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
