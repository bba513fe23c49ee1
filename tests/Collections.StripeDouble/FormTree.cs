using System.Globalization;
using System.Text.Json.Nodes;

namespace Collections.StripeDouble;

/// <summary>
/// Stripe's form encoding (`line_items[0][price_data][currency]=eur`, `metadata[key]=v`) read back into JSON,
/// with all-numeric keys becoming arrays, as Stripe's own API does.
/// </summary>
internal static class FormTree
{
    public static JsonObject Parse(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            var path = Split(key);
            var node = root;
            for (var i = 0; i < path.Count - 1; i++)
            {
                if (!node.TryGetValue(path[i], out var child) || child is not Dictionary<string, object> next)
                {
                    next = new Dictionary<string, object>(StringComparer.Ordinal);
                    node[path[i]] = next;
                }

                node = next;
            }

            node[path[^1]] = value;
        }

        return (JsonObject)ToJson(root);
    }

    private static List<string> Split(string key)
    {
        var parts = new List<string>();
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        parts.Add(bracket < 0 ? key : key[..bracket]);
        while (bracket >= 0)
        {
            var close = key.IndexOf(']', bracket);
            parts.Add(key[(bracket + 1)..close]);
            bracket = key.IndexOf('[', close);
        }

        return parts;
    }

    private static JsonNode ToJson(object value)
    {
        if (value is string text)
        {
            return JsonValue.Create(text);
        }

        var map = (Dictionary<string, object>)value;
        if (map.Count > 0 && map.Keys.All(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var array = new JsonArray();
            foreach (var item in map.OrderBy(k => int.Parse(k.Key, CultureInfo.InvariantCulture)))
            {
                array.Add(ToJson(item.Value));
            }

            return array;
        }

        var obj = new JsonObject();
        foreach (var (k, v) in map)
        {
            obj[k] = ToJson(v);
        }

        return obj;
    }
}
