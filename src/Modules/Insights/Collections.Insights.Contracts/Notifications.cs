using MediatR;

namespace Collections.Insights.Contracts;

public static class RiskBands
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
}

/// <summary>
/// Published (when Insights:AutoSegment is on) as a debtor enters or leaves the high risk band.
/// No module handles it yet: a debtor's dunning policy follows its segment, which risk does not change.
/// </summary>
public sealed record DebtorRiskChanged(string DebtorId, string PreviousBand, string Band, decimal Score, DateTimeOffset At) : INotification;
