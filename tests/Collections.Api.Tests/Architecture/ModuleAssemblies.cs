using System.Reflection;

namespace Collections.Api.Tests.Architecture;

/// <summary>The modules the host registers, found from its references, each with its Contracts assembly and table prefix.</summary>
public sealed record ModuleAssembly(string Name, Assembly Implementation, Assembly Contracts)
{
    public string TablePrefix => Name.ToLowerInvariant() + "_";

    /// <summary>
    /// The beginnings of the module's table names: its prefix and, for Access, the tables it took over from the host
    /// under the names every existing database already has (platform_api_keys, portal_*).
    /// </summary>
    public IReadOnlyList<string> TablePrefixes => Name == "Access" ? [TablePrefix, "platform_api_keys", "portal_"] : [TablePrefix];

    public static IReadOnlyList<ModuleAssembly> All { get; } = Discover();

    public override string ToString() => Name;

    private static List<ModuleAssembly> Discover()
    {
        // Every module ships as Collections.<M>.dll beside Collections.<M>.Contracts.dll in the host's output.
        var loaded = Directory.GetFiles(AppContext.BaseDirectory, "Collections.*.dll")
            .Select(path => Assembly.Load(Path.GetFileNameWithoutExtension(path)))
            .ToDictionary(a => a.GetName().Name!);

        return loaded.Keys
            .Where(name => name.EndsWith(".Contracts", StringComparison.Ordinal))
            .Select(contracts => contracts[..^".Contracts".Length])
            .Where(loaded.ContainsKey)
            .Select(name => new ModuleAssembly(name["Collections.".Length..], loaded[name], loaded[name + ".Contracts"]))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
    }
}
