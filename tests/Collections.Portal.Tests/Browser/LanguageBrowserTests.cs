using Collections.Portal.Tests.Integration;
using Collections.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collections.Portal.Tests.Browser;

/// <summary>The portal speaks the debtor's language, formats as Intl does for it, and switches language on request.</summary>
public sealed class LanguageBrowserTests : PortalBrowserFixture
{
    private async Task<string> DebtorSpeaking(string language)
    {
        var external = Unique("deb");
        var debtorId = (await Erp.PutDebtor(external, PortalApi.Debtor(language: language))).Id();
        await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 1000.00m, dueDate: "2026-02-20"));
        await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 234.56m, dueDate: "2026-02-20"));
        return debtorId;
    }

    /// <summary>What Chromium's Intl makes of an amount in a locale: the portal must show exactly that.</summary>
    private Task<string> Intl(string locale, decimal amount) =>
        Page.EvaluateAsync<string>("([locale, amount]) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount)", new object[] { locale, (double)amount });

    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Test]
    public async Task GermanDebtor_SeesThePortalInGerman_WithAmountsAsIntlWritesThem()
    {
        var debtorId = await DebtorSpeaking("de");

        await Page.GotoAsync(await MagicLink(debtorId));

        await Expect(Heading).ToHaveTextAsync("Guten Tag, Acme GmbH");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        var german = await Intl("de", 1234.56m);
        Assert.That(german, Is.EqualTo("1.234,56\u00a0€"));
        await Expect(Page.Locator("[data-figure=total-due] .figure")).ToHaveTextAsync(german);
        await Expect(Page.Locator("[data-figure=total-due] .label")).ToHaveTextAsync("Offener Gesamtbetrag");
        await Expect(Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Rechnungen", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Combobox, new() { Name = "Sprache" })).ToHaveValueAsync("de");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();
        Assert.That(await Page.TitleAsync(), Is.EqualTo("Guten Tag, Acme GmbH – Zahlungsportal"));
        await Screenshot("overview-de");

        await Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Rechnungen", Exact = true }).ClickAsync();

        await Expect(Heading).ToHaveTextAsync("Rechnungen");
        await Expect(Page.Locator("table[data-table=invoices] thead")).ToContainTextAsync("Fällig am");
        var due = await Page.EvaluateAsync<string>("new Intl.DateTimeFormat('de', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 1, 20))");
        await Expect(Page.Locator("table[data-table=invoices] tbody tr").First).ToContainTextAsync(due);
        await Expect(Page.Locator("table[data-table=invoices] tbody tr").First).ToContainTextAsync("Tage überfällig");
    }

    [TestCase("de", "Rechnungen", "Bezahlen", "Ratenplan", "Zahlungszusage")]
    [TestCase("fr", "Factures", "Payer", "Échéancier", "Promesse de paiement")]
    public async Task LongerWording_At375PixelsWide_FitsWithoutSideways_OnEveryPage(string language, params string[] pages)
    {
        var debtorId = await DebtorSpeaking(language);
        await Page.SetViewportSizeAsync(375, 812);
        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        Assert.That(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(375), "overview");

        foreach (var name in pages)
        {
            await Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Expect(Heading).ToBeVisibleAsync();
            Assert.That(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(375), name);
            await Screenshot($"{language}-{name}-375");
        }
    }

    [Test]
    public async Task GermanDebtor_TypesAmountsTheGermanWay_AndIsToldInGermanWhatIsWrong()
    {
        var debtorId = await DebtorSpeaking("de");
        await Page.GotoAsync(await MagicLink(debtorId));
        await Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Zahlungszusage", Exact = true }).ClickAsync();

        var amount = Page.GetByLabel("Betrag (EUR)");
        await Expect(amount).ToHaveValueAsync("1234,56");
        await amount.FillAsync("1.300,00");
        await Page.GetByLabel("Ich zahle bis").FillAsync("2026-03-20");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zahlung zusagen" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Der Betrag darf den offenen Betrag dieser Rechnungen ({await Intl("de", 1234.56m)}) nicht übersteigen.");
        await amount.FillAsync("1000,5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zahlung zusagen" }).ClickAsync();

        var promised = Page.Locator("[data-list=promises] li");
        await Expect(promised).ToContainTextAsync(await Intl("de", 1000.50m));
        await Expect(promised).ToContainTextAsync("aktiv");
    }

    [Test]
    public async Task SwitchingToFrench_RedrawsThePageInFrench_AndKeepsFrenchAcrossNavigationAndReload()
    {
        var debtorId = await DebtorSpeaking("de");
        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Heading).ToHaveTextAsync("Guten Tag, Acme GmbH");

        var switcher = Page.GetByRole(AriaRole.Combobox, new() { Name = "Sprache" });
        await switcher.FocusAsync();
        await switcher.SelectOptionAsync("fr");

        await Expect(Heading).ToHaveTextAsync("Bonjour Acme GmbH");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Page.Locator("[data-figure=total-due] .figure")).ToHaveTextAsync(await Intl("fr", 1234.56m));
        await Expect(Page.GetByRole(AriaRole.Combobox, new() { Name = "Langue" })).ToHaveValueAsync("fr");
        Assert.That(await Page.EvaluateAsync<string>("document.activeElement.id"), Is.EqualTo("language"), "focus stays on the switcher");
        Assert.That(await Page.EvaluateAsync<string>("sessionStorage.getItem('collections.portal.language')"), Is.EqualTo("fr"));
        await Screenshot("overview-fr");

        await Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Factures", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("Factures");
        await Expect(Page.Locator("table[data-table=invoices] thead")).ToContainTextAsync("Échéance");

        await Page.ReloadAsync();

        await Expect(Heading).ToHaveTextAsync("Factures");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Vue d'ensemble", Exact = true })).ToBeVisibleAsync();
        Assert.That(await Page.TitleAsync(), Is.EqualTo("Factures – Portail de paiement"));
    }

    [Test]
    public async Task Switcher_IsLabelledReachableByKeyboard_AndNamesEachLanguageInItself()
    {
        var debtorId = await DebtorSpeaking("en");
        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Heading).ToHaveTextAsync("Hello, Acme GmbH");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        var switcher = Page.GetByRole(AriaRole.Combobox, new() { Name = "Language" });
        Assert.That(await switcher.Locator("option").AllTextContentsAsync(),
            Is.EqualTo(new[] { "Deutsch", "English", "Español", "Français", "Italiano", "Nederlands" }));
        Assert.That(await switcher.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.lang)"),
            Is.EqualTo(new[] { "de", "en", "es", "fr", "it", "nl" }), "each name is read out in its own language");
        await Page.Locator("[data-skip]").FocusAsync();
        await Page.Keyboard.PressAsync("Tab");

        await Expect(switcher).ToBeFocusedAsync();
        await switcher.SelectOptionAsync(new SelectOptionValue { Label = "Nederlands" });

        await Expect(Heading).ToHaveTextAsync("Goedendag, Acme GmbH");
        await Expect(Page.GetByRole(AriaRole.Combobox, new() { Name = "Taal" })).ToBeFocusedAsync();
        await Expect(Page.Locator("#nav")).ToHaveAttributeAsync("aria-label", "Onderdelen van het portaal");
    }

    [Test]
    public async Task PageLoad_AsksForNothingThatIsMissing_AndTheFaviconIsThere()
    {
        var missing = new List<string>();
        var console = new List<string>();
        Page.Response += (_, response) =>
        {
            if (response.Status == 404)
            {
                missing.Add(response.Url);
            }
        };
        Page.Console += (_, message) => console.Add(message.Text);
        var debtorId = await DebtorSpeaking("it");

        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Heading).ToHaveTextAsync("Buongiorno Acme GmbH");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.That(missing, Is.Empty, "requests answered 404");
        Assert.That(console.Where(m => m.Contains("404", StringComparison.Ordinal)), Is.Empty, "404s in the browser console");
        Assert.That(await Page.EvaluateAsync<int>("fetch(document.querySelector('link[rel=icon]').href).then(r => r.status)"), Is.EqualTo(200));
        var icon = await Page.APIRequest.GetAsync(new Uri(BaseAddress, "/favicon.ico").ToString());
        Assert.That(icon.Status, Is.EqualTo(200));
        Assert.That(icon.Headers["content-type"], Does.StartWith("image/"));
    }

    [Test]
    public async Task SignedOutPage_FollowsTheSwitcherToo()
    {
        await Page.GotoAsync(new Uri(BaseAddress, "/portal/#/invoices").ToString());
        await Expect(Heading).ToHaveTextAsync("Open the portal from your e-mail");

        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Language" }).SelectOptionAsync("es");

        await Expect(Heading).ToHaveTextAsync("Abra el portal desde su correo electrónico");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(Page.Locator(".site-footer")).ToContainTextAsync("Su enlace es personal");
    }
}
