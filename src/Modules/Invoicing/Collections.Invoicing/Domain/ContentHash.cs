using System.Security.Cryptography;
using System.Text.Json;

namespace Collections.Invoicing.Domain;

/// <summary>A fingerprint of what an ERP sent, so re-sending the same body is recognised as a no-op.</summary>
internal static class ContentHash
{
    public static string Of<T>(T content) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content)));
}
