using System.Reflection;
using System.Xml.Linq;
using Collections.Testing;
using MediatR;

namespace Collections.Api.Tests.Architecture;

/// <summary>Keeps docs/architecture.md true: its notification table and module references are checked against the assemblies.</summary>
public sealed class ArchitectureDocumentTests
{
    private const string None = "—";

    private static readonly Assembly Host = typeof(Program).Assembly;

    [Test]
    public void NotificationTable_ListsEveryNotificationWithItsPublisherAndHandlers()
    {
        var documented = TableRows("Notifications").ToDictionary(row => row[0].Trim('`'), StringComparer.Ordinal);
        var mismatches = new List<string>();

        foreach (var (notification, publisher) in PublishedNotifications())
        {
            if (!documented.Remove(notification.Name, out var row))
            {
                mismatches.Add($"{notification.Name}: missing from the table");
                continue;
            }

            var handlers = HandlingModules(notification);
            var documentedHandlers = row[2] == None ? [] : row[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (row[1] != publisher)
                mismatches.Add($"{notification.Name}: published by {publisher}, the table says {row[1]}");
            if (!handlers.SetEquals(documentedHandlers))
                mismatches.Add($"{notification.Name}: handled by {Describe(handlers)}, the table says {row[2]}");
            var reachesErp = handlers.Contains("Webhooks") ? "yes" : "no";
            if (row[3] != reachesErp)
                mismatches.Add($"{notification.Name}: ERP webhook column must be '{reachesErp}'");
            if (handlers.Count == 0 && row[4].Length == 0)
                mismatches.Add($"{notification.Name}: nothing handles it, so the table must say why");
        }

        mismatches.AddRange(documented.Keys.Select(stale => $"{stale}: in the table but not a published notification"));
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void ModuleTable_NamesExactlyTheContractsEachModuleUses()
    {
        var documented = TableRows("Module references").ToDictionary(row => row[0], row => row[1], StringComparer.Ordinal);
        var mismatches = new List<string>();

        foreach (var module in ModuleAssembly.All)
        {
            var declared = DeclaredContractReferences(module);
            var used = module.Implementation.GetReferencedAssemblies()
                .Select(a => a.Name!)
                .Where(name => name.EndsWith(".Contracts", StringComparison.Ordinal) && name != module.Contracts.GetName().Name)
                .Select(name => name["Collections.".Length..^".Contracts".Length])
                .ToHashSet(StringComparer.Ordinal);

            foreach (var unused in declared.Except(used))
                mismatches.Add($"{module}: references {unused}.Contracts in its project but uses nothing from it");
            if (!documented.TryGetValue(module.Name, out var row))
            {
                mismatches.Add($"{module}: missing from the table");
                continue;
            }

            var documentedUses = row == None ? [] : row.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!used.SetEquals(documentedUses))
                mismatches.Add($"{module}: uses {Describe(used)}, the table says {row}");
        }

        Assert.That(mismatches, Is.Empty);
    }

    private static IEnumerable<(Type Notification, string Publisher)> PublishedNotifications() =>
        ModuleAssembly.All.SelectMany(module => module.Contracts.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(INotification).IsAssignableFrom(t))
            .Select(t => (t, module.Name)));

    private static HashSet<string> HandlingModules(Type notification)
    {
        var handler = typeof(INotificationHandler<>).MakeGenericType(notification);
        return ModuleAssembly.All.Select(m => (m.Name, Assembly: m.Implementation))
            .Append((Name: "Host", Assembly: Host))
            .Where(candidate => candidate.Assembly.GetTypes().Any(t => !t.IsAbstract && handler.IsAssignableFrom(t)))
            .Select(candidate => candidate.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> DeclaredContractReferences(ModuleAssembly module)
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "Modules", module.Name, $"Collections.{module.Name}", $"Collections.{module.Name}.csproj");
        return XDocument.Load(project).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value))
            .Where(name => name.EndsWith(".Contracts", StringComparison.Ordinal) && name != $"Collections.{module.Name}.Contracts")
            .Select(name => name["Collections.".Length..^".Contracts".Length])
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The body rows of the first markdown table under the heading, cells trimmed.</summary>
    private static IEnumerable<string[]> TableRows(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));
        var start = Array.FindIndex(lines, line => line.TrimEnd() == $"## {heading}");
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"docs/architecture.md has no '## {heading}' section");

        return lines.Skip(start + 1)
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Skip(2)
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray());
    }

    private static string Describe(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? None : string.Join(", ", names.Order(StringComparer.Ordinal));
}
