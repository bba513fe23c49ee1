using Collections.SharedKernel.Portal;

namespace Collections.Api.Tests.Kernel;

public sealed class DebtorLanguagesTests
{
    [TestCase("de", "de")]
    [TestCase("de-AT", "de-AT")]
    [TestCase("DE-at", "de-AT")]
    [TestCase("fr_CA", "fr-CA")]
    [TestCase("es-419", "es-419")]
    [TestCase("zh-Hant-TW", null)]
    [TestCase("nl-latn-be", "nl-Latn-BE")]
    [TestCase(" it ", "it")]
    [TestCase("pt-BR", null)]
    [TestCase("english", null)]
    [TestCase("", null)]
    [TestCase(null, null)]
    [TestCase("de;q=0.5", null)]
    public void Normalize_KeepsTheRegion_WhenThePortalSpeaksTheBase(string? tag, string? expected) =>
        Assert.That(DebtorLanguages.Normalize(tag), Is.EqualTo(expected));

    [TestCase("de-AT", "de")]
    [TestCase("pl", null)]
    public void BaseOf_PicksTheCatalog(string tag, string? expected) =>
        Assert.That(DebtorLanguages.BaseOf(tag), Is.EqualTo(expected));

    [TestCase("fr", "de", "fr")]
    [TestCase(null, "de-CH", "de-CH")]
    [TestCase(" ", "it", "it")]
    [TestCase("pt", "de", null)]
    [TestCase(null, "pl", null)]
    public void Choose_PrefersTheContactsLanguage_ThenTheDebtors(string? contact, string? debtor, string? expected) =>
        Assert.That(DebtorLanguages.Choose(contact, debtor), Is.EqualTo(expected));

    [TestCase("de-AT", "de")]
    [TestCase("en", "en")]
    [TestCase("pt-BR", "auto")]
    [TestCase(null, "auto")]
    public void StripeLocaleOf_IsTheBase_ElseAuto(string? tag, string expected) =>
        Assert.That(DebtorLanguages.StripeLocaleOf(tag), Is.EqualTo(expected));

    [Test]
    public void StripeLocales_AreThePortalsLanguagesAndAuto() =>
        Assert.That(DebtorLanguages.StripeLocales, Is.EquivalentTo(new[] { "en", "de", "fr", "es", "nl", "it", "auto" }));
}
