using System.Reflection;

namespace Collections.SharedKernel.Data;

/// <summary>The assemblies of the registered modules: scanned once for handlers, validators and migrations.</summary>
public sealed class ModuleCatalog
{
    private readonly List<Assembly> assemblies = [];

    public IReadOnlyList<Assembly> Assemblies => assemblies;

    public void Add(Assembly assembly)
    {
        if (!assemblies.Contains(assembly))
        {
            assemblies.Add(assembly);
        }
    }
}
