using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>
/// The portal's debtors have a second contact (Bernd Vogel, finance) that a link can be made out to, and speak English
/// unless told otherwise, so the portal speaks English to them.
/// </summary>
internal static class PortalApi
{
    public static object Debtor(string name = "Acme GmbH", string language = "en") => TestData.DebtorBody(name, language: language, contacts:
    [
        TestData.Anna(),
        new { name = "Bernd Vogel", email = "bernd@acme.example", role = "finance", isPrimary = false },
    ]);
}
