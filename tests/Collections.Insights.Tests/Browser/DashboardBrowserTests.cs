using System.Globalization;
using Collections.Dunning.Contracts;
using Collections.Insights.Tests.Integration;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Playwright;
using static Collections.Insights.Tests.Integration.InsightsApi;

namespace Collections.Insights.Tests.Browser;

/// <summary>
/// Loads the staff dashboard in Debian's Chromium, from a second host on Kestrel over the fixture's database
/// (the in-memory test server has no socket a browser could reach).
/// </summary>
public sealed class DashboardBrowserTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task Dashboard_WhenLoadedWithStaffKey_ShowsTheApisFiguresReadableAt375Px()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Ignore($"{Chromium} is not installed (Debian package chromium).");
        }

        var external = Unique("deb");
        var debtorId = await Erp.NewDebtor(external, TestData.DebtorBody(currency: "EUR", creditLimit: 1000.00m, name: "Northwind Traders"));
        await Erp.NewInvoice(external, 800.00m, "2026-01-02", "2026-02-01");
        await Erp.NewInvoice(external, 450.00m, "2026-03-01", "2026-03-31");
        var promise = "ptp_" + Guid.NewGuid().ToString("N")[..10];
        await App.Publish(new PromiseToPayMade(promise, debtorId, 10_000, "EUR", new DateOnly(2026, 2, 27), At(2026, 2, 20)));
        await App.Publish(new PromiseToPayBroken(promise, debtorId, 10_000, "EUR", At(2026, 3, 1)));
        var key = await App.CreateApiKeyAsync("staff", "dashboard");

        var summary = await Staff.GetJson("/api/v1/insights/summary?currency=EUR");
        var risk = await Staff.GetJson("/api/v1/insights/risk?limit=10");
        var alerts = await Staff.GetJson("/api/v1/insights/alerts?acknowledged=false&limit=50");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        await using var served = new CollectionsApp(App.Database);
        served.UseKestrel(0);
        served.StartServer();
        using var probe = served.CreateClient();
        var origin = probe.BaseAddress!.ToString().TrimEnd('/');
        using var head = await probe.GetAsync("/insights/");
        var csp = head.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(" ", values) : null;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync($"{origin}/insights/");
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForSelectorAsync("body[data-loaded=true]", new PageWaitForSelectorOptions { Timeout = 15_000 });

        async Task<decimal?> Shown(string id) =>
            await page.GetAttributeAsync($"#{id}", "data-value") is { Length: > 0 } v ? decimal.Parse(v, CultureInfo.InvariantCulture) : null;

        Assert.Multiple(async () =>
        {
            Assert.That(csp, Does.Contain("script-src 'self'").And.Not.Contain("http"), "scripts only from this origin, no CDN");
            Assert.That(csp, Does.StartWith("default-src 'none'"), "the dashboard's own policy, not overwritten by the host's default");
            Assert.That(await Shown("kpi-receivables"), Is.EqualTo(summary.Amount("receivables")));
            Assert.That(await Shown("kpi-receivables"), Is.EqualTo(1250.00m), "800 + 450 of this test");
            Assert.That(await Shown("kpi-overdue"), Is.EqualTo(summary.Amount("overdue")));
            Assert.That(await Shown("kpi-dso"), Is.EqualTo(summary.Number("dso")));
            Assert.That(await Shown("kpi-cei"), Is.EqualTo(summary.Number("cei")));
            Assert.That(await Shown("kpi-cash"), Is.EqualTo(summary.Amount("cashCollected")));
            Assert.That(await page.InnerTextAsync("#kpi-receivables"), Is.EqualTo("1,250.00 EUR"));
            var bars = await page.Locator("#aging-chart rect.bar").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.value)");
            Assert.That(bars.Select(b => decimal.Parse(b, CultureInfo.InvariantCulture)),
                Is.EqualTo(summary.GetProperty("aging").EnumerateArray().Select(b => b.Amount("amount"))));
            Assert.That(await page.Locator("#trend-chart path.line-dso").CountAsync(), Is.EqualTo(1));
            Assert.That(await page.Locator("#cash-chart rect.bar").CountAsync(), Is.EqualTo(12));
            Assert.That(await page.Locator("#trend-chart svg desc").TextContentAsync(), Does.StartWith("DSO:"), "text alternative");
            Assert.That(await page.Locator("#risk-table tbody tr").CountAsync(), Is.EqualTo(risk.GetProperty("items").GetArrayLength()));
            Assert.That(await page.Locator($"#risk-table tr[data-debtor-id='{debtorId}']").InnerTextAsync(), Does.Contain("Northwind Traders"));
            Assert.That(await page.Locator("#alerts li[data-alert-id]").CountAsync(), Is.EqualTo(alerts.GetProperty("items").GetArrayLength()));
            Assert.That(await page.EvaluateAsync<string?>("() => localStorage.length ? 'stored' : null"), Is.Null, "the key is never in localStorage");
        });

        var folder = TestContext.CurrentContext.WorkDirectory;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"insights-dashboard-{Provider}.png"), FullPage = true });
        await page.SetViewportSizeAsync(375, 800);
        var narrow = Path.Combine(folder, $"insights-dashboard-375-{Provider}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = narrow, FullPage = true });
        TestContext.AddTestAttachment(narrow);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(375), "no horizontal scrolling at 375 px");

        var firstAlert = page.Locator("#alerts li[data-alert-id] button").First;
        await firstAlert.ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#alerts li[data-alert-id]').length === {alerts.GetProperty("items").GetArrayLength() - 1}");
        Assert.That(errors, Is.Empty, "no console errors (CSP violations show up here)");
    }
}
