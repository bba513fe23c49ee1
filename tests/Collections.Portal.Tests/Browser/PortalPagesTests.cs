using System.Globalization;
using System.Net;
using Collections.Portal.Tests.Integration;
using Collections.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collections.Portal.Tests.Browser;

public sealed class PortalPagesTests : PortalBrowserFixture
{
    private static readonly CultureInfo UnitedStates = CultureInfo.GetCultureInfo("en-US");

    private async Task<(string DebtorId, string External)> DebtorWithInvoices(params decimal[] totals)
    {
        var external = Unique("deb");
        var debtorId = (await Erp.PutDebtor(external, PortalApi.Debtor())).Id();
        foreach (var total in totals)
        {
            await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, total, dueDate: "2026-02-20"));
        }

        return (debtorId, external);
    }

    private static string Euros(decimal amount) => "€" + amount.ToString("#,##0.00", UnitedStates);

    [Test]
    public async Task MagicLink_OpensOverviewWithTheApisBalances_AndDropsTheTokenFromTheAddress()
    {
        var (debtorId, external) = await DebtorWithInvoices(1190.00m, 250.50m);
        await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 100m, dueDate: "2026-04-01"));
        var invoices = await (await Staff.GetAsync($"/api/v1/invoices?debtorId={debtorId}&status=open")).ShouldBe(HttpStatusCode.OK);
        var apiTotal = invoices.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("balance").Amount());
        var apiOverdue = invoices.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("daysOverdue").GetInt32() > 0).Sum(i => i.GetProperty("balance").Amount());

        await Page.GotoAsync(await MagicLink(debtorId));

        await Expect(Page.Locator("[data-figure=total-due] .figure")).ToHaveTextAsync(Euros(apiTotal));
        await Expect(Page.Locator("[data-figure=overdue] .figure")).ToHaveTextAsync(Euros(apiOverdue));
        Assert.That(apiTotal, Is.EqualTo(1540.50m));
        Assert.That(Page.Url, Does.Not.Contain("token"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Acme GmbH");
        await Screenshot("overview");
        await Page.GoBackAsync();
        Assert.That(Page.Url, Is.EqualTo("about:blank"), "the link with its token is not left in the history");
    }

    [Test]
    public async Task Overview_At375PixelsWide_FitsWithoutSideways()
    {
        var (debtorId, _) = await DebtorWithInvoices(1190.00m, 99.99m);
        await Page.SetViewportSizeAsync(375, 812);

        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Page.Locator("[data-figure=total-due] .figure")).ToHaveTextAsync(Euros(1289.99m));

        Assert.That(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(375));
        await Screenshot("overview-375");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await Expect(Page.Locator("table[data-table=invoices] tbody tr")).ToHaveCountAsync(2);
        Assert.That(await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(375));
        await Screenshot("invoices-375");
    }

    [Test]
    public async Task Invoices_ListFiltersAndDetail_ShowTheApisFigures()
    {
        var (debtorId, external) = await DebtorWithInvoices(500.00m);
        await Erp.PutInvoice(Unique("inv"), TestData.InvoiceBody(external, 70m, dueDate: "2026-05-01"));
        await Page.GotoAsync(await MagicLink(debtorId));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        await Expect(Page.Locator("table[data-table=invoices] tbody tr")).ToHaveCountAsync(2);
        await Screenshot("invoices");

        await Page.GetByLabel("Overdue only").CheckAsync();

        await Expect(Page.Locator("table[data-table=invoices] tbody tr")).ToHaveCountAsync(1);
        await Page.Locator("table[data-table=invoices] tbody a").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Invoice N-");
        await Expect(Page.Locator("dd[data-balance]")).ToHaveTextAsync(Euros(500m));
        await Screenshot("invoice-detail");
    }

    [Test]
    public async Task Statement_DownloadsCsvOfEveryInvoice()
    {
        var (debtorId, _) = await DebtorWithInvoices(12.34m, 1000m);
        await Page.GotoAsync(await MagicLink(debtorId));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download statement (CSV)" }).ClickAsync());

        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.That(text, Does.StartWith("Invoice,PO,Issue date,Due date,Currency,Total,Paid,Credited,Balance,Status"));
        Assert.That(text, Does.Contain(",EUR,12.34,0.00,0.00,12.34,open"));
        Assert.That(text, Does.Contain(",EUR,1000.00,0.00,0.00,1000.00,open"));
    }

    [Test]
    public async Task ExpiredLink_SaysSo_AndSendsANewOneToTheAddressOnFile()
    {
        var (debtorId, _) = await DebtorWithInvoices(10m);
        var link = await MagicLink(debtorId, expiresInDays: 1);
        App.Time.Advance(TimeSpan.FromDays(1));

        await Page.GotoAsync(link);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has expired");
        Assert.That(Page.Url, Does.Not.Contain("token"));
        await Expect(Page.Locator("#nav")).ToBeHiddenAsync();
        await Screenshot("expired");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send me a new link" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("a new one is on its way to the e-mail address we have on file");
        var communications = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/communications")).ShouldBe(System.Net.HttpStatusCode.OK);
        Assert.That(communications.EnumerateArray().Count(m => m.GetProperty("purpose").GetString() == "portal_link"), Is.EqualTo(1), "the new link is queued to the address on file");
    }

    [Test]
    public async Task TamperedLink_SaysItIsNotValid()
    {
        var (debtorId, _) = await DebtorWithInvoices(10m);
        var link = await MagicLink(debtorId);

        await Page.GotoAsync(link.Replace("token=", "token=x", StringComparison.Ordinal));

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link is not valid");
    }

    [Test]
    public async Task SignOut_EndsTheSession()
    {
        var (debtorId, _) = await DebtorWithInvoices(10m);
        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Page.Locator("[data-figure=total-due]")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are signed out");
        await Page.GotoAsync(new Uri(BaseAddress, "/portal/#/invoices").ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open the portal from your e-mail");
    }

    [Test]
    public async Task Activity_ListsWhatHappened_AndKeyboardReachesEveryNavLink()
    {
        var (debtorId, _) = await DebtorWithInvoices(10m);
        await Page.GotoAsync(await MagicLink(debtorId));
        await Expect(Page.Locator("[data-figure=total-due]")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Activity" }).First.ClickAsync();

        await Expect(Page.Locator("[data-list=activity] li").First).ToContainTextAsync("opened the payment portal");
        await Screenshot("activity");
        var focused = new List<string>();
        await Page.Locator("body").FocusAsync();
        for (var i = 0; i < 12; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            focused.Add(await Page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        }

        Assert.That(focused, Is.SupersetOf(new[] { "Overview", "Invoices", "Pay", "Disputes", "Payment plan", "Promise to pay", "Activity" }));
    }
}
