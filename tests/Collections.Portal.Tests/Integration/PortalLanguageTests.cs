using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Portal.Tests.Integration;

/// <summary>
/// The portal speaks the debtor's language: GET /me names it, and a debtor session's ProblemDetails titles come in the
/// language it asks for with Accept-Language (the portal sends its active language on every call). API keys get English.
/// </summary>
public sealed partial class PortalLanguageTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private static readonly string[] Languages = ["en", "de", "fr", "es", "nl", "it"];

    /// <summary>Titles only endpoints no debtor session can call return (Stripe's webhook), and the contract's own title.</summary>
    private static readonly string[] NotForDebtors =
    [
        "The webhook signature is not valid.",
        "The webhook payload is not a Stripe event.",
        "Collections API",
    ];

    private async Task<HttpClient> SessionSpeaking(string language)
    {
        var debtorId = (await Erp.PutDebtor(Unique("deb"), PortalApi.Debtor(language: language))).Id();
        return await App.PortalSession(Staff, debtorId);
    }

    private static HttpRequestMessage Get(string path, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return request;
    }

    [TestCase("de", "de")]
    [TestCase("de-AT", "de-AT")]
    [TestCase("fr-be", "fr-BE")]
    [TestCase("nl", "nl")]
    [TestCase("pt-BR", "en")]
    [TestCase("pl", "en")]
    public async Task Me_ForADebtorSession_NamesTheLanguageThePortalSpeaksToIt(string debtorLanguage, string expected)
    {
        using var session = await SessionSpeaking(debtorLanguage);

        var me = await (await session.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);

        Assert.That(me.GetProperty("language").GetString(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Me_ForAnApiKey_NamesNoLanguage()
    {
        var me = await (await Staff.GetAsync("/api/v1/me")).ShouldBe(HttpStatusCode.OK);

        Assert.That(me.GetProperty("language").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task DebtorSession_AskingForGerman_GetsAGermanTitle_ForARealNotFound()
    {
        using var session = await SessionSpeaking("de");

        using var request = Get("/api/v1/invoices/inv_does_not_exist", "de");
        var problem = await (await session.SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Nicht gefunden."));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("inv_does_not_exist"), "the detail stays as written");
    }

    [Test]
    public async Task DebtorSession_AskingForFrench_GetsAFrenchValidationTitle()
    {
        using var session = await SessionSpeaking("de");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/checkout") { Content = JsonContent.Create(new { invoices = Array.Empty<object>() }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("Accept-Language", "fr-CH, de;q=0.5");

        var problem = await (await session.SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("La demande n'est pas valide."));
    }

    [Test]
    public async Task DebtorSession_GetsTheFirstLanguageThePortalSpeaks_InOrderOfPreference()
    {
        using var session = await SessionSpeaking("de");

        using var request = Get("/api/v1/invoices/inv_does_not_exist", "pt-BR, en;q=0.1, nl;q=0.8");
        var problem = await (await session.SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Niet gevonden."));
    }

    [TestCase("pt")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("not a language")]
    public async Task DebtorSession_AskingForALanguageThePortalDoesNotSpeak_GetsEnglish(string? acceptLanguage)
    {
        using var session = await SessionSpeaking("de");

        using var request = Get("/api/v1/invoices/inv_does_not_exist", acceptLanguage);
        var problem = await (await session.SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Not found."));
    }

    [Test]
    public async Task ApiKeyCaller_AlwaysGetsEnglish()
    {
        using var request = Get("/api/v1/invoices/inv_does_not_exist", "de");

        var problem = await (await Staff.SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Not found."));
    }

    [Test]
    public void ServerCatalog_HasEveryTitleInAllSixLanguages()
    {
        var catalog = Collections.Api.Hosting.ProblemTitles.Catalog;

        Assert.That(catalog, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (english, translations) in catalog)
            {
                Assert.That(translations.Keys, Is.EquivalentTo(Languages), english);
                Assert.That(translations["en"], Is.EqualTo(english));
                foreach (var language in Languages)
                {
                    Assert.That(translations.GetValueOrDefault(language), Is.Not.Null.And.Not.Empty, $"{english} in {language}");
                }
            }
        });
    }

    [Test]
    public void ServerCatalog_CoversEveryTitleTheCodeWrites()
    {
        var catalog = Collections.Api.Hosting.ProblemTitles.Catalog;
        var source = Path.Combine(RepositoryRoot.Path, "src");
        var titles = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f))
            .SelectMany(line => TitleSet().Matches(line).SelectMany(m => Literal().Matches(m.Groups[1].Value)).Concat(ProblemCall().Matches(line)))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.That(titles, Has.Count.GreaterThan(10), "the scan finds the titles");
        Assert.That(titles.Except(NotForDebtors).Where(t => !catalog.ContainsKey(t)), Is.Empty, "titles missing from ProblemTitles.Catalog");
    }

    /// <summary>What sets a title, up to the next comma: `title: "…"` (Results.Problem), `Title = a ? "…" : "…"` (new ProblemDetails).</summary>
    [GeneratedRegex(@"\b[Tt]itle\s*[:=]\s*([^,;]*)")]
    private static partial Regex TitleSet();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)+)\"")]
    private static partial Regex Literal();

    /// <summary>The exception handler's and authentication's helpers: Problem(StatusCodes.Status404NotFound, "Not found.", …).</summary>
    [GeneratedRegex("(?:Problem|Write)\\(\\s*StatusCodes\\.\\w+,\\s*\"([^\"]+)\"")]
    private static partial Regex ProblemCall();
}
