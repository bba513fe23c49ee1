using System.Reflection;

namespace Collections.Testing;

/// <summary>Every SQL statement of an assembly: its string constants whose names end in "Sql".</summary>
public static class SqlConstants
{
    public static IEnumerable<(string Name, string Text)> In(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal))
                .Select(f => ($"{t.FullName}.{f.Name}", (string)f.GetRawConstantValue()!)));
}
