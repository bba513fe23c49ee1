namespace Collections.Insights.Domain;

/// <summary>The `Insights` configuration section.</summary>
internal sealed class InsightsOptions
{
    /// <summary>Alert when the last 3 paid invoices' average days late exceeds the 12-month baseline by this much.</summary>
    public int DeviationDays { get; set; } = 10;

    /// <summary>A dispute is past its due date this many days after it was opened and still not closed.</summary>
    public int DisputeDueDays { get; set; } = 14;

    /// <summary>
    /// An invoice this large of a high-risk debtor is watched before it falls due: major units of the reporting currency,
    /// scaled into other currencies at the indicative rates, or a currency's own figure (`LargeInvoiceAmountByCurrency:{CODE}`).
    /// </summary>
    public decimal LargeInvoiceAmount { get; set; } = 10_000m;

    public Dictionary<string, decimal> LargeInvoiceAmountByCurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Publish DebtorRiskChanged when a debtor enters or leaves the high band.</summary>
    public bool AutoSegment { get; set; }

    public decimal MediumBandFrom { get; set; } = 35m;

    public decimal HighBandFrom { get; set; } = 65m;

    public RiskWeights Weights { get; set; } = new();

    public void Validate()
    {
        var sum = Weights.AverageDaysLate + Weights.DaysLateTrend + Weights.OverdueShare + Weights.CreditLimitUse
                  + Weights.BrokenCommitments + Weights.DisputeRate + Weights.Chargebacks;
        if (sum != 100m || Weights.All.Any(w => w < 0))
        {
            throw new InvalidOperationException(FormattableString.Invariant($"Insights:Weights must be non-negative and add up to 100 (they add up to {sum})."));
        }

        if (MediumBandFrom <= 0 || HighBandFrom <= MediumBandFrom || HighBandFrom > 100 || DeviationDays < 1 || DisputeDueDays < 1 || LargeInvoiceAmount <= 0)
        {
            throw new InvalidOperationException("Insights: bands need 0 < MediumBandFrom < HighBandFrom <= 100; DeviationDays, DisputeDueDays and LargeInvoiceAmount must be positive.");
        }
    }
}

/// <summary>The most points each factor can add to the score; together 100.</summary>
internal sealed class RiskWeights
{
    public decimal AverageDaysLate { get; set; } = 25m;

    public decimal DaysLateTrend { get; set; } = 10m;

    public decimal OverdueShare { get; set; } = 20m;

    public decimal CreditLimitUse { get; set; } = 15m;

    public decimal BrokenCommitments { get; set; } = 15m;

    public decimal DisputeRate { get; set; } = 10m;

    public decimal Chargebacks { get; set; } = 5m;

    public IEnumerable<decimal> All => [AverageDaysLate, DaysLateTrend, OverdueShare, CreditLimitUse, BrokenCommitments, DisputeRate, Chargebacks];
}
