using Collections.Invoicing.Contracts;

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
}
