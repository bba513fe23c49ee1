using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Collections.Testing;

/// <summary>A self-signed certificate as a .pfx file, for settings that name one (Data Protection in Production).</summary>
public static class TestCertificates
{
    public const string Password = "test-only";

    private static readonly Lazy<string> Pfx = new(Create);

    public static string DataProtectionPfx => Pfx.Value;

    private static string Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Collections test data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), $"collections-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
