namespace Collections.Invoicing.Domain;

public enum DebtorSegment
{
    Standard,
    Strategic,
    HighRisk,
}

public enum ContactRole
{
    AccountsPayable,
    Finance,
    Executive,
    Other,
}

/// <summary>How a payment without explicit allocations is spread over one debtor's open items.</summary>
public enum AllocationOrder
{
    /// <summary>Invoices oldest due first, then fees and interest.</summary>
    PrincipalFirst,

    /// <summary>Fees, then interest, then the invoices, as some civil codes require (e.g. BGB § 367).</summary>
    CostsInterestPrincipal,
}

internal static class WireNames
{
    /// <summary>The snake_case name the API uses for an enum value (HighRisk → high_risk).</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
