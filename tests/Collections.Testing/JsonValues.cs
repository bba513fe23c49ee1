using System.Text.Json;

namespace Collections.Testing;

/// <summary>Reading the API's JSON: ids, texts and money ({ "amount": …, "currency": … }).</summary>
public static class JsonValues
{
    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>The amount of a money object.</summary>
    public static decimal Amount(this JsonElement money) => money.GetProperty("amount").GetDecimal();

    /// <summary>The amount of the money object under <paramref name="property"/>.</summary>
    public static decimal Amount(this JsonElement element, string property) => element.GetProperty(property).Amount();

    public static decimal? Number(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDecimal();
}
