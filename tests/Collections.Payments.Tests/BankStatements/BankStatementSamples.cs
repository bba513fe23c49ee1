using System.Text;

namespace Collections.Payments.Tests.BankStatements;

/// <summary>The sample camt files under Samples/, with their {{PLACEHOLDERS}} filled in (ids, references and numbers each test makes).</summary>
internal static class BankStatementSamples
{
    public const string SepaCreditTransfers = "camt053.001.02-sepa-credit-transfers.xml";
    public const string BatchBooking = "camt053.001.08-batch-booking.xml";
    public const string Return = "camt053.001.02-return.xml";
    public const string Notification = "camt054.001.02-notification.xml";
    public const string Malformed = "malformed.xml";
    public const string AccountReport = "camt052.001.02-account-report.xml";

    public static string Text(string name, IReadOnlyDictionary<string, string>? values = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BankStatements", "Samples", name));
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        return text;
    }

    public static byte[] Bytes(string name, IReadOnlyDictionary<string, string>? values = null) => Encoding.UTF8.GetBytes(Text(name, values));

    /// <summary>A statement id no other test uses.</summary>
    public static string NewStatementId() => $"STMT-{Guid.NewGuid():N}"[..30];
}
