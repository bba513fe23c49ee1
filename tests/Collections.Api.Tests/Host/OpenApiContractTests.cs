using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>api-spec/openapi.json is the published contract; it must be what the code serves.</summary>
public sealed class OpenApiContractTests
{
    private const string UpdateVariable = "UPDATE_OPENAPI_SPEC";

    [Test]
    public async Task PublishedSpec_WhenCodeChanges_MustBeRegenerated()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new CollectionsApp(database);
        using var client = app.CreateClient();
        var served = Normalize(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var path = Path.Combine(RepositoryRoot.Path, "api-spec", "openapi.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served + "\n");
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing. Run: {UpdateVariable}=1 dotnet test --filter {nameof(OpenApiContractTests)}");
        var published = Normalize(await File.ReadAllTextAsync(path));
        Assert.That(served, Is.EqualTo(published),
            $"api-spec/openapi.json differs from the document the code generates. Review the change, then run: {UpdateVariable}=1 dotnet test --filter {nameof(OpenApiContractTests)}");
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n");
}
