using System.Net;
using System.Text.RegularExpressions;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

public sealed partial class PortalFilesTests(DatabaseProvider provider) : ApiFixture(provider)
{
    [Test]
    public async Task Portal_IsServedWithStrictContentSecurityPolicy()
    {
        var response = await Anonymous.GetAsync("/portal/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Does.Contain("script-src 'self'"));
        Assert.That(csp, Does.Not.Contain("unsafe-inline"));
        Assert.That(csp, Does.Contain("frame-ancestors 'none'"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
    }

    [Test]
    public async Task Portal_WithoutTrailingSlash_Redirects()
    {
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/portal");

        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/portal/"));
    }

    [TestCase("/favicon.ico", "image/x-icon")]
    [TestCase("/portal/favicon.svg", "image/svg+xml")]
    public async Task Favicon_IsServedToAnyone(string path, string mediaType)
    {
        var response = await Anonymous.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(100));
    }

    [Test]
    public async Task PortalPage_LinksItsFavicon()
    {
        var html = await Anonymous.GetStringAsync("/portal/");

        Assert.That(html, Does.Contain("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">"));
    }

    [Test]
    public void PortalFiles_HaveNoInlineScriptStyleOrThirdPartyOrigin()
    {
        var root = Path.Combine(App.Services.GetWebRoot(), "portal");
        var files = Directory.GetFiles(root, "*.*", SearchOption.AllDirectories);
        Assert.That(files.Count(f => f.EndsWith(".js", StringComparison.Ordinal)), Is.GreaterThan(3));

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.That(AbsoluteUrl().IsMatch(text), Is.False, $"{file} names another origin");
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                Assert.That(InlineScript().IsMatch(text), Is.False, $"{file} has inline script");
                Assert.That(text, Does.Not.Contain("style=\"").And.Not.Contain("<style"), $"{file} has inline style");
                Assert.That(OnHandler().IsMatch(text), Is.False, $"{file} has an inline event handler");
            }
        }
    }

    /// <summary>An address on another origin; the SVG namespace name (xmlns) is an identifier, never fetched.</summary>
    [GeneratedRegex(@"https?://(?!localhost|127\.0\.0\.1|www\.w3\.org/2000/svg"")[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteUrl();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex OnHandler();
}

internal static class WebRootExtensions
{
    public static string GetWebRoot(this IServiceProvider services) =>
        ((Microsoft.AspNetCore.Hosting.IWebHostEnvironment)services.GetService(typeof(Microsoft.AspNetCore.Hosting.IWebHostEnvironment))!).WebRootPath;
}
