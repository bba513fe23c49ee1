using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Collections.Webhooks.Domain;

/// <summary>
/// Standard Webhooks (standardwebhooks.com): `webhook-signature: v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;`, keyed by the
/// bytes of a `whsec_&lt;base64&gt;` secret. Several space-separated signatures while a rotated secret is still honoured, so the
/// receiver's stock library accepts the delivery with either secret.
/// </summary>
internal static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    public static string Sign(string secret, string messageId, long unixSeconds, string body)
    {
        var signed = $"{messageId}.{unixSeconds.ToString(CultureInfo.InvariantCulture)}.{body}";
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), Encoding.UTF8.GetBytes(signed)));
    }

    /// <summary>
    /// The header value: one signature per secret still in force, newest first. With several, the last is sent twice:
    /// the NuGet StandardWebhooks 1.1.2 parser never matches the last entry of a multi-signature header (it compares the
    /// whole header there), and a repeated valid signature is harmless to every other verifier.
    /// </summary>
    public static string Header(IReadOnlyList<string> secrets, string messageId, long unixSeconds, string body)
    {
        var signatures = secrets.Select(s => Sign(s, messageId, unixSeconds, body)).ToList();
        if (signatures.Count > 1)
        {
            signatures.Add(signatures[^1]);
        }

        return string.Join(' ', signatures);
    }

    /// <summary>`whsec_` and 32 random bytes in base64 (24 to 64 bytes is what the specification allows).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
}
