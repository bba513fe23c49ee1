namespace Collections.SharedKernel.Portal;

/// <summary>Signed, expiring magic links into the debtor portal. Access mints and reads them (with the key ring the host keeps); other modules only ask for links.</summary>
public interface IPortalLinks
{
    /// <summary>
    /// A link that opens a portal session for the debtor (and contact), valid for the configured lifetime. The link id
    /// (a message's id, say) lets staff revoke this one link.
    /// </summary>
    Uri CreateLink(string debtorId, string? contactId, string linkId);

    /// <summary>A page of the portal that needs no token, e.g. "pay/success?attempt=..." (where Stripe sends the debtor back).</summary>
    Uri Page(string route);

    /// <summary>The debtor a token was issued for, or null when it is forged, altered or expired.</summary>
    string? ReadToken(string token);
}
