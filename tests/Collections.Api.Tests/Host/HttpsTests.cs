using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>Production redirects plain http to https and sends HSTS over https; health probes stay on http.</summary>
public sealed class HttpsTests
{
    private TestDatabase database = null!;
    private CollectionsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        app = new CollectionsApp(database, CollectionsApp.ProductionSettings());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task PlainHttp_IsRedirectedToHttps()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://pay.example.com") });

        var response = await client.GetAsync("/portal/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri("https://pay.example.com/portal/")));
    }

    [Test]
    public async Task HealthProbes_StayOnPlainHttp()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://pay.example.com") });

        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Https_CarriesStrictTransportSecurity()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://pay.example.com") });

        var response = await client.GetAsync("/health/live");

        Assert.That(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), Is.True);
        Assert.That(hsts!.Single(), Does.Contain("max-age="));
    }
}
