using System.Net;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>In Production the interactive Swagger page is off unless Swagger:Ui turns it on; the contract stays served.</summary>
public sealed class SwaggerUiTests
{
    [TestCase(null, false)]
    [TestCase("true", true)]
    public async Task SwaggerUi_InProduction_FollowsTheSetting(string? setting, bool served)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = CollectionsApp.ProductionSettings();
        if (setting is not null)
        {
            settings["Swagger:Ui"] = setting;
        }

        await using var app = new CollectionsApp(database, settings);
        using var client = app.CreateClient();

        Assert.That((await client.GetAsync("/swagger/index.html")).StatusCode == HttpStatusCode.OK, Is.EqualTo(served));
        Assert.That((await client.GetAsync("/swagger/v1/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
