using System.Security.Cryptography;
using System.Text;

namespace Collections.Dunning.Domain;

/// <summary>The pages staff print (letters, case files): no script at all, and only their own style element, allowed by hash.</summary>
internal static class PrintablePage
{
    public static string ContentSecurityPolicy(string style) =>
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}
