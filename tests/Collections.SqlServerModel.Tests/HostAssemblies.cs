using System.Reflection;

namespace Collections.SqlServerModel.Tests;

/// <summary>The host and every Collections assembly it references: the same set the host scans for migrations and SQL.</summary>
public static class HostAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } = Load();

    private static List<Assembly> Load()
    {
        var found = new List<Assembly>();
        var pending = new Queue<Assembly>([typeof(Program).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (found.Contains(assembly))
            {
                continue;
            }

            found.Add(assembly);
            foreach (var reference in assembly.GetReferencedAssemblies().Where(name => name.Name!.StartsWith("Collections.", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return found;
    }
}
