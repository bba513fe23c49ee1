namespace Collections.SqlServerModel.Tests;

/// <summary>
/// The SQL Server type each Dapper parameter arrives as. Dapper sends a C# string as NVARCHAR(4000),
/// so strings need no entry; every other parameter is declared here, by the naming convention the
/// code follows (`...Minor` is a long of minor units, `...On` a DateOnly, `...At` an instant sent as
/// DATETIME2 by <c>DapperTypeHandlers</c>) or by name where the name carries no suffix.
/// </summary>
public static class ParameterTypes
{
    public const string DapperString = "NVARCHAR(4000)";

    private static readonly Dictionary<string, string> ByName = new(StringComparer.Ordinal)
    {
        // Instants (DateTimeOffset → DATETIME2 in UTC).
        ["Now"] = "DATETIME2",
        ["DbNow"] = "DATETIME2",
        ["Since"] = "DATETIME2",
        ["Until"] = "DATETIME2",
        ["Expires"] = "DATETIME2",
        ["Next"] = "DATETIME2",
        ["NotBefore"] = "DATETIME2",
        ["LiveUntil"] = "DATETIME2",
        ["HoldUntil"] = "DATETIME2",

        // Calendar dates (DateOnly → DATE).
        ["Today"] = "DATE",
        ["AsOf"] = "DATE",
        ["Latest"] = "DATE",
        ["DueBy"] = "DATE",
        ["DueBefore"] = "DATE",
        ["AssessedFor"] = "DATE",
        ["PromisedFor"] = "DATE",
        ["From"] = "DATE",
        ["To"] = "DATE",
        ["YearAgo"] = "DATE",
        ["Due30"] = "DATE",
        ["Due60"] = "DATE",
        ["Due90"] = "DATE",

        // Counts, sizes, versions and other integers.
        ["Limit"] = "INT",
        ["Take"] = "INT",
        ["Position"] = "INT",
        ["Version"] = "INT",
        ["Attempts"] = "INT",
        ["Evaluated"] = "INT",
        ["Messages"] = "INT",
        ["Tasks"] = "INT",
        ["StatusCode"] = "INT",
        ["SizeBytes"] = "INT",
        ["Score"] = "INT",

        // Flags (bool → BIT).
        ["Placed"] = "BIT",
        ["DoNotContact"] = "BIT",
        ["Internal"] = "BIT",
        ["Everything"] = "BIT",
        ["Yes"] = "BIT",
        ["False"] = "BIT",
        ["Overdue"] = "BIT",
        ["Acknowledged"] = "BIT",
        ["Skipped"] = "BIT",
        ["PaidNow"] = "BIT",

        ["Quantity"] = "DECIMAL(18,4)",
    };

    public static string Of(string parameter) =>
        ByName.TryGetValue(parameter, out var declared) ? declared
        : parameter.EndsWith("Minor", StringComparison.Ordinal) ? "BIGINT"
        : parameter.EndsWith("At", StringComparison.Ordinal) ? "DATETIME2"
        : parameter.EndsWith("On", StringComparison.Ordinal) || parameter.EndsWith("Date", StringComparison.Ordinal) ? "DATE"
        : parameter.EndsWith("Days", StringComparison.Ordinal) || parameter.EndsWith("BasisPoints", StringComparison.Ordinal) ? "INT"
        : parameter.StartsWith("Is", StringComparison.Ordinal) && parameter.Length > 2 && char.IsUpper(parameter[2]) ? "BIT"
        : DapperString;
}
