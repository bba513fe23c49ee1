using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Collections.Webhooks.Domain;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Collections.Operations.Tests.Deploy;

/// <summary>No Docker engine runs here, so what can be checked offline is checked: syntax, paths, and config keys.</summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Root = RepositoryRoot.Path;
    private static readonly string Deploy = Path.Combine(Root, "deploy");

    public static IEnumerable<string> YamlFiles() =>
        Directory.GetFiles(RepositoryRoot.Path, "*.y*ml", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}deploy{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f));

    [TestCaseSource(nameof(YamlFiles))]
    public void Yaml_Parses(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, relative));
        stream.Load(reader);
        Assert.That(stream.Documents, Is.Not.Empty);
    }

    [Test]
    public void Kubernetes_HasTheObjectsAnOperatorNeeds()
    {
        var kinds = Directory.GetFiles(Path.Combine(Deploy, "k8s"), "*.yaml").SelectMany(Load).Select(d => Scalar(d, "kind")).ToList();
        Assert.That(kinds, Is.SupersetOf(new[] { "Deployment", "Service", "ConfigMap", "Secret", "Job" }));

        var deployment = Load(Path.Combine(Deploy, "k8s", "deployment.yaml")).Single();
        var container = Seq(deployment, "spec", "template", "spec", "containers")[0];
        Assert.That(Scalar(container, "readinessProbe", "httpGet", "path"), Is.EqualTo("/health/ready"));
        Assert.That(Scalar(container, "livenessProbe", "httpGet", "path"), Is.EqualTo("/health/live"));
        var job = Load(Path.Combine(Deploy, "k8s", "migration-job.yaml")).Single();
        Assert.That(((YamlSequenceNode)((YamlMappingNode)Seq(job, "spec", "template", "spec", "containers")[0])["args"]).Children.Select(c => c.ToString()), Is.EqualTo(new[] { "migrate" }));
    }

    [Test]
    public void Dockerfile_CopiesPathsThatExistAndRunsTheApiAsNonRoot()
    {
        var dockerfile = File.ReadAllLines(System.IO.Path.Combine(Deploy, "Dockerfile"));
        var copies = dockerfile.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).ToList();
        Assert.That(copies, Is.Not.Empty);
        foreach (var source in copies)
        {
            Assert.That(File.Exists(System.IO.Path.Combine(Root, source)) || Directory.Exists(System.IO.Path.Combine(Root, source)), Is.True, source);
        }

        var publish = dockerfile.Single(l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.That(File.Exists(System.IO.Path.Combine(Root, publish.Split(' ').Single(p => p.EndsWith(".csproj", StringComparison.Ordinal)))), Is.True);
        Assert.That(dockerfile, Has.Some.Match(@"^USER app$"));
        Assert.That(dockerfile, Has.Some.Contains("HEALTHCHECK").And.Some.Contains("/health/live"));
        Assert.That(dockerfile, Has.Some.Contains("ENTRYPOINT [\"dotnet\", \"Collections.Api.dll\"]"));
    }

    [Test]
    public void Compose_RunsTwoApisBehindAProxyWithSqlServerMaildevAndAMigrationStep()
    {
        var compose = Load(System.IO.Path.Combine(Deploy, "docker-compose.yml")).Single();
        var services = ((YamlMappingNode)compose["services"]).Children.Keys.Select(k => k.ToString()).ToList();
        Assert.That(services, Is.SupersetOf(new[] { "sqlserver", "migrate", "api1", "api2", "proxy", "maildev" }));
        Assert.That(Scalar(compose, "services", "sqlserver", "image"), Does.StartWith("mcr.microsoft.com/mssql/server:2022"));
        var nginx = File.ReadAllText(System.IO.Path.Combine(Deploy, "nginx.conf"));
        Assert.That(nginx, Does.Contain("server api1:8080").And.Contain("server api2:8080"));
    }

    [Test]
    public void EveryConfigKeyInTheDeployFiles_IsOneTheAppReads()
    {
        var appsettings = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Root, "src", "Collections.Api", "appsettings.json"))).RootElement;
        var source = string.Join('\n', Directory.GetFiles(System.IO.Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var keys = DeployEnvironment().Keys.Where(k => !k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) && !k.StartsWith("DOTNET_", StringComparison.Ordinal) && !k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList();
        Assert.That(keys, Has.Count.GreaterThan(5));
        foreach (var key in keys)
        {
            var path = key.Split("__");
            var known = InAppSettings(appsettings, path) || source.Contains(string.Join(':', path), StringComparison.Ordinal) || (path.Length > 1 && source.Contains($"\"{path[^1]}\"", StringComparison.Ordinal))
                        || source.Contains($" {path[^1]} {{ get; set; }}", StringComparison.Ordinal);
            Assert.That(known, Is.True, $"{key} is neither in appsettings.json nor read by the code");
        }
    }

    [Test]
    public void ComposeEnvironment_BindsToTheAppsOptions()
    {
        var environment = DeployEnvironment(System.IO.Path.Combine(Deploy, "docker-compose.yml"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();
        var database = new DatabaseOptions();
        configuration.GetSection("Database").Bind(database);
        var webhooks = configuration.GetSection("Webhooks").Get<WebhookOptions>();
        Assert.Multiple(() =>
        {
            Assert.That(database.Provider, Is.EqualTo(DatabaseProvider.SqlServer));
            Assert.That(database.MigrateOnStartup, Is.False, "instances must not race to migrate");
            Assert.That(configuration.GetConnectionString("Collections"), Does.Contain("Server=sqlserver"));
            Assert.That(webhooks!.DispatcherEnabled, Is.True);
        });
    }

    private static Dictionary<string, string> DeployEnvironment(params string[] files)
    {
        files = files.Length > 0 ? files : [System.IO.Path.Combine(Deploy, "docker-compose.yml"), .. Directory.GetFiles(System.IO.Path.Combine(Deploy, "k8s"), "*.yaml")];
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (Match match in EnvLine().Matches(File.ReadAllText(file)))
            {
                result[match.Groups["key"].Value] = match.Groups["value"].Value.Trim().Trim('"');
            }
        }

        foreach (var line in File.ReadAllLines(System.IO.Path.Combine(Deploy, ".env.example")).Where(l => l.Contains('=') && !l.StartsWith('#')))
        {
            Assert.That(File.ReadAllText(System.IO.Path.Combine(Deploy, "docker-compose.yml")), Does.Contain("${" + line.Split('=')[0] + "}"), ".env.example names only used variables");
        }

        return result;
    }

    private static bool InAppSettings(JsonElement element, string[] path)
    {
        foreach (var part in path)
        {
            if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, out var index))
            {
                return true;
            }

            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return false;
            }
        }

        return true;
    }

    private static List<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static YamlSequenceNode Seq(YamlMappingNode node, params string[] keys)
    {
        YamlNode current = node;
        foreach (var key in keys)
        {
            current = ((YamlMappingNode)current)[key];
        }

        return (YamlSequenceNode)current;
    }

    private static string Scalar(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            node = ((YamlMappingNode)node)[key];
        }

        return ((YamlScalarNode)node).Value!;
    }

    [GeneratedRegex(@"^\s+(?<key>[A-Za-z][A-Za-z0-9_]*__[A-Za-z0-9_]+|ASPNETCORE_\w+|OTEL_\w+|DOTNET_\w+):\s*(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex EnvLine();
}
