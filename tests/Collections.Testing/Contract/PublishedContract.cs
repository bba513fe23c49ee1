using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Collections.Testing.Contract;

/// <summary>
/// api-spec/openapi.json read as a checker: which operation a request hit, and whether a response's status, content type and
/// JSON body are what that operation declares. OpenAPI 3.0 schemas become JSON Schema 2020-12 (nullable → a "null" type,
/// component references → $defs), so a stock validator judges the bodies.
/// </summary>
public sealed partial class PublishedContract
{
    private static readonly Lazy<PublishedContract> Published = new(() =>
        new PublishedContract(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "api-spec", "openapi.json")))!.AsObject()));

    private readonly List<Operation> operations = [];
    private readonly JsonObject definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new();

    private PublishedContract(JsonObject document)
    {
        definitions = (JsonObject)ToJsonSchema(document["components"]?["schemas"]?.DeepClone() ?? new JsonObject())!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operations.Add(new Operation(method.ToUpperInvariant(), path, PathPattern(path), path.Count(c => c == '{'), operation!.AsObject()));
            }
        }
    }

    public static PublishedContract Instance => Published.Value;

    /// <summary>What is wrong with this response for its request, or null when the contract declares it.</summary>
    public string? Violation(string method, string path, int status, string? mediaType, string body)
    {
        if (method == "OPTIONS")
        {
            return null; // CORS preflight is answered by the middleware for every path, not by an operation.
        }

        var operation = operations
            .Where(o => o.Method == method && o.Pattern.IsMatch(path))
            .OrderBy(o => o.Parameters)
            .FirstOrDefault();
        if (operation is null)
        {
            return operations.Any(o => o.Pattern.IsMatch(path)) && status != 405
                ? $"{method} {path} answered {status}, but the contract has no {method} operation for this path"
                : null;
        }

        var name = $"{operation.Method} {operation.Path}";
        var responses = operation.Definition["responses"]!.AsObject();
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (response is null)
        {
            return $"{name} answered {status}, which the contract does not declare (declared: {string.Join(", ", responses.Select(r => r.Key))})";
        }

        var content = response["content"]?.AsObject();
        if (body.Length == 0)
        {
            return null;
        }

        if (content is null || mediaType is null || content[mediaType] is not { } media)
        {
            return $"{name} {status} answered '{mediaType}', but the contract declares {(content is null ? "no body" : string.Join(", ", content.Select(c => c.Key)))}";
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || media["schema"] is not { } schema)
        {
            return null;
        }

        var validator = schemas.GetOrAdd($"{name} {status} {mediaType}", _ => Compile(schema));
        using var json = JsonDocument.Parse(body);
        var result = validator.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }

        var errors = result.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
        return $"{name} {status} body does not match the contract: {string.Join("; ", errors.Take(5))}\n{Clip(body)}";
    }

    private JsonSchema Compile(JsonNode openApiSchema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions.DeepClone(),
            ["allOf"] = new JsonArray(ToJsonSchema(openApiSchema.DeepClone())),
        };
        return JsonSchema.FromText(root.ToJsonString());
    }

    /// <summary>The few places where OpenAPI 3.0's schema dialect differs from JSON Schema, for what Swashbuckle emits.</summary>
    private static JsonNode? ToJsonSchema(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = ToJsonSchema(array[i]?.DeepClone());
                }

                return array;
            case JsonObject schema:
                foreach (var key in schema.Select(p => p.Key).ToList())
                {
                    schema[key] = ToJsonSchema(schema[key]?.DeepClone());
                }

                if (schema["$ref"] is JsonValue reference)
                {
                    schema["$ref"] = reference.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                }

                if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
                {
                    schema.Remove("nullable");
                    if (schema["type"] is JsonValue type)
                    {
                        schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                        if (schema["enum"] is JsonArray values)
                        {
                            values.Add(null);
                        }

                        return schema;
                    }

                    return new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
                }

                return schema;
            default:
                return node;
        }
    }

    private static Regex PathPattern(string path) =>
        new("^" + ParameterPattern().Replace(Regex.Escape(path).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$");

    private static string Clip(string body) => body.Length <= 600 ? body : body[..600] + "…";

    [GeneratedRegex(@"\{[^}/]+}")]
    private static partial Regex ParameterPattern();

    private sealed record Operation(string Method, string Path, Regex Pattern, int Parameters, JsonObject Definition);
}
