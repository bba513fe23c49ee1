using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Collections.Testing;

namespace Collections.Operations.Tests.Deploy;

/// <summary>
/// Debtors read amounts and dates in their own culture, which needs ICU at run time. No Docker engine runs here, so the
/// image is checked for what it is built from and the API is started with the runtime stage's own environment.
/// </summary>
public sealed partial class RuntimeImageGlobalizationTests
{
    private static readonly string Dockerfile = Path.Combine(RepositoryRoot.Path, "deploy", "Dockerfile");

    [Test]
    public void RuntimeStage_IsTheDebianAspNetImage_WhichCarriesIcu_AndNeverSwitchesGlobalizationOff()
    {
        var stage = RuntimeStage();
        Assert.That(stage[0], Does.Match(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0 AS runtime$"), "alpine and chiseled images have no ICU");
        Assert.That(string.Join('\n', stage), Does.Not.Contain("GLOBALIZATION_INVARIANT"));
        Assert.That(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props")), Does.Contain("<InvariantGlobalization>false</InvariantGlobalization>"));
    }

    [Test]
    public async Task Api_WithTheRuntimeStagesEnvironment_Starts_AndRefusesToWhenGlobalizationIsInvariant()
    {
        var (exitCode, output) = await MigrateAsync(invariant: false);
        Assert.That(exitCode, Is.EqualTo(0), output);

        (exitCode, output) = await MigrateAsync(invariant: true);
        Assert.That(exitCode, Is.Not.EqualTo(0));
        Assert.That(output, Does.Contain("The runtime has no culture data"));
    }

    [Test]
    public void ThisRuntime_FormatsAsTheDebtorsCultureDoes()
    {
        Assert.That(1234.56m.ToString("C", CultureInfo.GetCultureInfo("de-DE")), Is.EqualTo("1.234,56 €"));
        Assert.That(new DateOnly(2026, 2, 4).ToString("D", CultureInfo.GetCultureInfo("de-DE")), Does.Contain("4. Februar 2026"));
    }

    /// <summary>The API's migrate mode, under the runtime stage's ENV (Development, so no production secrets are needed).</summary>
    private static async Task<(int ExitCode, string Output)> MigrateAsync(bool invariant)
    {
        var directory = Directory.CreateTempSubdirectory("collections-image-");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Collections.Api.dll"), "migrate"])
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in RuntimeEnvironment())
        {
            start.Environment[name] = value;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Collections"] = $"Data Source={Path.Combine(directory.FullName, "collections.db")}";
        if (invariant)
        {
            start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static List<string> RuntimeStage() =>
        File.ReadAllLines(Dockerfile).SkipWhile(l => !l.EndsWith(" AS runtime", StringComparison.Ordinal)).ToList();

    private static IEnumerable<(string Name, string Value)> RuntimeEnvironment()
    {
        var text = string.Join('\n', RuntimeStage()).Replace("\\\n", " ", StringComparison.Ordinal);
        return text.Split('\n').Where(l => l.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(l => EnvPair().Matches(l[4..]).Select(m => (m.Groups[1].Value, m.Groups[2].Value)));
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex EnvPair();
}
