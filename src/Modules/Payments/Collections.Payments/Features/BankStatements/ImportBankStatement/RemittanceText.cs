using Collections.Payments.Domain;

namespace Collections.Payments.Features.BankStatements;

/// <summary>What a payer wrote in the remittance information, read for the two things matching looks for in it.</summary>
internal static class RemittanceText
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';', '+', '&', '(', ')', '[', ']', '"', '\''];

    /// <summary>
    /// Creditor references written in the text, however the payer spaced them ("RF18 5390 0754 7034" or "rf18539007547034"):
    /// from every word starting with RF and two digits, each run of whole words after it (at most 25 characters together)
    /// whose check digits hold. The words after a reference ("RF18 5390 0754 7034 INV 12") may make a longer valid run by
    /// chance (one in 97), so all are returned, longest first, and the one issued to a debtor wins.
    /// </summary>
    public static IReadOnlyList<string> CreditorReferences(string? text)
    {
        var found = new List<string>();
        var words = Words(text);
        for (var start = 0; start < words.Count; start++)
        {
            var word = words[start].ToUpperInvariant();
            if (word.Length < 4 || !word.StartsWith("RF", StringComparison.Ordinal) || !char.IsAsciiDigit(word[2]) || !char.IsAsciiDigit(word[3]))
            {
                continue;
            }

            var run = string.Empty;
            var candidates = new List<string>();
            for (var end = start; end < words.Count && words[end].All(char.IsAsciiLetterOrDigit); end++)
            {
                run += words[end].ToUpperInvariant();
                if (run.Length > CreditorReference.MaxBodyLength + 4)
                {
                    break;
                }

                if (CreditorReference.Parse(run) is { } reference)
                {
                    candidates.Add(reference);
                }
            }

            candidates.Reverse();
            found.AddRange(candidates.Where(c => !found.Contains(c)));
        }

        return found;
    }

    /// <summary>
    /// The words that may be invoice numbers, in the order written: each whole word (trailing full stops and colons cut
    /// off), and the parts of a word joined by slashes ("INV-1/INV-2"), after the word itself.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        foreach (var word in Words(text))
        {
            Add(word);
            if (word.Contains('/', StringComparison.Ordinal))
            {
                foreach (var part in word.Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(part);
                }
            }
        }

        return tokens;

        void Add(string token)
        {
            var trimmed = token.Trim('.', ':', '-', '/', '#');
            if (trimmed.Length > 0 && !tokens.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                tokens.Add(trimmed);
            }
        }
    }

    private static List<string> Words(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => w.Trim('.', ':', '#')).Where(w => w.Length > 0).ToList();
}
