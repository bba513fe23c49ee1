using Collections.Invoicing.Contracts;
using Collections.SharedKernel;

namespace Collections.Dunning.Domain;

/// <summary>
/// The contact a debtor is written to, by a reminder, a recomposed reminder and a courtesy message alike: the primary
/// contact with an e-mail address, else any contact with one, else the primary contact (a letter needs no e-mail address).
/// </summary>
internal static class Addressee
{
    public static ContactDto? Of(DebtorDto debtor) =>
        debtor.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email)).OrderByDescending(c => c.IsPrimary).FirstOrDefault()
        ?? debtor.Contacts.OrderByDescending(c => c.IsPrimary).FirstOrDefault();

    /// <summary>
    /// Where a letter to the contact goes: the contact's own address, else the debtor's billing address; null when the
    /// ERP gave neither, and the letter then has no address block.
    /// </summary>
    public static PostalRecipient? PostalOf(DebtorDto debtor, ContactDto? contact) =>
        (contact?.Address ?? debtor.BillingAddress) is { } address ? new PostalRecipient(debtor.Name, contact?.Name, address) : null;
}

/// <summary>The recipient of a letter: the debtor (a company), the contact it is for, and the postal address.</summary>
internal sealed record PostalRecipient(string DebtorName, string? ContactName, PostalAddress Address)
{
    /// <summary>The address block as printed: the debtor, the contact, then the address in its country's order.</summary>
    public IReadOnlyList<string> Lines(string? homeCountry)
    {
        var names = ContactName is null || ContactName == DebtorName ? [DebtorName] : new[] { DebtorName, ContactName };
        return [.. names, .. Address.Format(homeCountry)];
    }
}
