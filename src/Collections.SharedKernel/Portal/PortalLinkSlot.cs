using System.Net;

namespace Collections.SharedKernel.Portal;

/// <summary>
/// A stored message carries this marker where the debtor's portal link goes. The link is a bearer credential, so it is
/// minted only when the message leaves or a letter is printed, and no stored body, activity snapshot or API answer can
/// act as the debtor. Readers of a stored message see the portal's address without a token instead.
/// </summary>
public static class PortalLinkSlot
{
    public const string Marker = "[[portal-link]]";

    /// <summary>Puts the link where the marker is; HTML bodies get it encoded (a link's query holds '&amp;').</summary>
    public static string Fill(string body, Uri link, bool html) =>
        body.Replace(Marker, html ? WebUtility.HtmlEncode(link.ToString()) : link.ToString(), StringComparison.Ordinal);
}
