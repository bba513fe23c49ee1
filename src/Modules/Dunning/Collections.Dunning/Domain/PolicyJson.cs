using System.Text.Json;

namespace Collections.Dunning.Domain;

internal static class PolicyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<PolicyStep> steps) => JsonSerializer.Serialize(steps, Options);

    public static IReadOnlyList<PolicyStep> Read(string json) => JsonSerializer.Deserialize<List<PolicyStep>>(json, Options) ?? [];
}
