using System.Text.RegularExpressions;

namespace Collections.SharedKernel.Portal;

/// <summary>
/// Magic links carry a bearer token. Text shown to a caller who is neither the debtor nor staff (an ERP key reading a
/// message or an activity snapshot) keeps the link's shape but not its token, which would let that caller act as the debtor.
/// </summary>
public static partial class PortalTokens
{
    public const string Withheld = "token=[withheld]";

    public static string? Withhold(string? text) => text is null ? null : Token().Replace(text, Withheld);

    [GeneratedRegex(@"token=[A-Za-z0-9_%\-.~]+")]
    private static partial Regex Token();
}
