using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Collections.Portal.Tests.Browser;

/// <summary>
/// The real host on Kestrel (a browser needs a socket) and Debian's Chromium driven by Playwright. Every test gets a
/// fresh page; console errors and CSP violations fail the test; each test saves screenshots as attachments.
/// </summary>
public abstract class PortalBrowserFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private TestDatabase? database;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private IBrowserContext? context;
    private readonly List<string> pageErrors = [];

    protected CollectionsApp App { get; private set; } = null!;

    protected Uri BaseAddress { get; private set; } = null!;

    protected HttpClient Erp { get; private set; } = null!;

    protected HttpClient Staff { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Starts what the host calls (for example the Stripe test double) once BaseAddress is known.</summary>
    protected virtual Task StartDependenciesAsync() => Task.CompletedTask;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [OneTimeSetUp]
    public async Task StartHostAndBrowser()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore($"Browser tests skipped: {ChromiumPath} is missing (apt-get install chromium; test.sh does it).");
        }

        // The port is chosen first: the portal's own address goes into links and Stripe return URLs before the host starts.
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        await StartDependenciesAsync();
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?>(Settings) { ["Portal:BaseUrl"] = BaseAddress.ToString().TrimEnd('/') };
        App = new CollectionsApp(database, settings, ConfigureTestServices);
        App.UseKestrel(port);
        App.StartServer();

        Erp = App.ClientWithKey(await App.CreateApiKeyAsync("erp"));
        Staff = App.ClientWithKey(await App.CreateApiKeyAsync("staff"));
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    [SetUp]
    public async Task OpenPage()
    {
        pageErrors.Clear();
        context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            AcceptDownloads = true,
        });
        Page = await context.NewPageAsync();
        Page.SetDefaultTimeout(15_000);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                pageErrors.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => pageErrors.Add(error);
    }

    [TearDown]
    public async Task ClosePage()
    {
        if (context is not null)
        {
            await context.CloseAsync();
        }

        // A 401 or 404 the page handles on purpose is logged by Chromium as a failed resource; anything else is a defect.
        var unexpected = pageErrors.Where(e => !e.Contains("the server responded with a status of", StringComparison.Ordinal)).ToList();
        Assert.That(unexpected, Is.Empty, "browser console errors (CSP violations, script errors)");
    }

    [OneTimeTearDown]
    public async Task StopHostAndBrowser()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        Erp?.Dispose();
        Staff?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    protected async Task Screenshot(string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{TestContext.CurrentContext.Test.MethodName}-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }

    /// <summary>A staff-made magic link, pointed at this Kestrel host.</summary>
    protected async Task<string> MagicLink(string debtorId, int? expiresInDays = null)
    {
        var url = await Staff.CreatePortalLink(debtorId, new { expiresInDays });
        Assert.That(url, Does.StartWith(BaseAddress.ToString().TrimEnd('/') + "/portal/#/login?token="));
        return url;
    }

    protected static string Unique(string prefix) => TestData.NewExternalId(prefix);
}
