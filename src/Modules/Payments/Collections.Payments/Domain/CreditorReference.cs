using System.Globalization;
using System.Text;

namespace Collections.Payments.Domain;

/// <summary>
/// ISO 11649 structured creditor references ("RF18 5390 0754 7034"): "RF", two check digits (ISO 7064 mod 97-10, as in
/// IBANs) and up to 21 letters or digits. Banks carry them through SEPA transfers unchanged, which is what lets a bank
/// statement line be matched to its debtor without reading free text.
/// </summary>
internal static class CreditorReference
{
    public const int MaxBodyLength = 21;

    /// <summary>The reference for a body of 1–21 letters or digits.</summary>
    public static string Create(string body)
    {
        var normalized = body.ToUpperInvariant();
        if (normalized.Length is 0 or > MaxBodyLength || !normalized.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"A creditor reference body is 1–{MaxBodyLength} letters or digits.", nameof(body));
        }

        var check = 98 - Mod97(normalized + "RF00");
        return $"RF{check.ToString("00", CultureInfo.InvariantCulture)}{normalized}";
    }

    /// <summary>The reference without spaces, in upper case, when it is a well-formed one with the right check digits.</summary>
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (compact.Length is < 5 or > MaxBodyLength + 4 || !compact.StartsWith("RF", StringComparison.Ordinal)
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return Mod97(compact[4..] + compact[..4]) == 1 ? compact : null;
    }

    /// <summary>Groups of four, the way references are printed for people to type ("RF18 5390 0754 7034").</summary>
    public static string Print(string reference) =>
        string.Join(' ', Enumerable.Range(0, (reference.Length + 3) / 4).Select(i => reference.Substring(i * 4, Math.Min(4, reference.Length - (i * 4)))));

    /// <summary>Letters count as 10–35; the remainder is taken digit by digit so no number grows past an int.</summary>
    private static int Mod97(string text)
    {
        var digits = new StringBuilder();
        foreach (var c in text)
        {
            digits.Append(char.IsAsciiDigit(c) ? (c - '0').ToString(CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
        }

        var remainder = 0;
        foreach (var digit in digits.ToString())
        {
            remainder = ((remainder * 10) + (digit - '0')) % 97;
        }

        return remainder;
    }
}
