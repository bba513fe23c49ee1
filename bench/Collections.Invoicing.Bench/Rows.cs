using System.Globalization;

namespace Collections.Invoicing.Bench;

/// <summary>Deterministic test data: the same invoices for the API run and the raw insert.</summary>
internal static class Rows
{
    private static readonly DateOnly FirstIssue = new(2025, 6, 1);

    public static string DebtorExternalId(int d) => $"bench-deb-{d:D5}";

    public static object Debtor(int d) => new
    {
        name = $"Bench Debtor {d}",
        countryCode = "DE",
        timeZone = "Europe/Berlin",
        language = "de",
        currency = "EUR",
        creditLimit = 100000m,
        paymentTermsDays = 30,
        contacts = new[] { new { name = $"Contact {d}", email = $"ap{d}@bench.example", role = "accounts_payable", isPrimary = true } },
    };

    public static IReadOnlyList<BenchInvoice> Invoices(int start, int count, int debtors) =>
        Enumerable.Range(start, count).Select(i => Invoice(i, debtors)).ToList();

    public static BenchInvoice Invoice(int i, int debtors)
    {
        var issue = FirstIssue.AddDays(i % 240);
        return new BenchInvoice(
            $"bench-inv-{i:D7}",
            DebtorExternalId(i % debtors),
            $"INV-{i:D7}",
            $"PO-{i % 977}",
            "EUR",
            issue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            issue.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            100m + (i % 5000) + ((i % 100) / 100m));
    }
}

internal sealed record BenchInvoice(string ExternalId, string DebtorExternalId, string Number, string PoNumber, string Currency, string IssueDate, string DueDate, decimal Total);
