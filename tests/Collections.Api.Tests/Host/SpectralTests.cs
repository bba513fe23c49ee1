using System.Diagnostics;
using System.Text.Json;
using Collections.Testing;

namespace Collections.Api.Tests.Host;

/// <summary>The published contract passes Spectral's OpenAPI ruleset (api-spec/.spectral.yaml): no error, no warning, no hint.</summary>
public sealed class SpectralTests
{
    [Test]
    public async Task PublishedSpec_PassesTheSpectralOpenApiRuleset()
    {
        var spectral = Path.Combine(RepositoryRoot.Path, "tests", "Collections.Api.Tests", "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
        if (!File.Exists(spectral))
        {
            Assert.Ignore($"Spectral is not installed ({spectral} missing): run `npm install` in tests/Collections.Api.Tests (test.sh does).");
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { spectral, "lint", "api-spec/openapi.json", "--ruleset", "api-spec/.spectral.yaml", "--format", "json", "--quiet" },
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        var findings = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(f => $"{f.GetProperty("code").GetString()} at {string.Join('.', f.GetProperty("path").EnumerateArray().Select(p => p.ToString()))}: {f.GetProperty("message").GetString()}")
            .ToList();
        Assert.That(findings, Is.Empty, errors);
    }
}
