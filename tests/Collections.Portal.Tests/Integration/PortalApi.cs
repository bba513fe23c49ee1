using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>The portal's debtors have a second contact (Bernd Vogel, finance) that a link can be made out to.</summary>
internal static class PortalApi
{
    public static object Debtor(string name = "Acme GmbH") => TestData.DebtorBody(name, contacts:
    [
        TestData.Anna(),
        new { name = "Bernd Vogel", email = "bernd@acme.example", role = "finance", isPrimary = false },
    ]);
}
