using System.Security.Cryptography;
using System.Text;

namespace Collections.Access.Features.ApiKeys;

/// <summary>Keys are 256 random bits, shown once; only their SHA-256 is stored (a fast hash is enough for a random secret).</summary>
internal static class ApiKeySecret
{
    public const string Prefix = "ck_";

    /// <summary>A configured key needs as many characters after the prefix as 192 random bits in base64.</summary>
    public const int MinimumSecretLength = 32;

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsWellFormed(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length - Prefix.Length >= MinimumSecretLength
        && key[Prefix.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hint(string key) => key[..Math.Min(key.Length, 8)] + "…";
}
