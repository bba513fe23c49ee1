using System.Security.Cryptography;
using System.Text;

namespace Collections.Access.Features.Portal;

/// <summary>Session tokens are 256 random bits; only their SHA-256 is stored.</summary>
internal static class PortalSessionSecret
{
    public const string Prefix = "ps_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
