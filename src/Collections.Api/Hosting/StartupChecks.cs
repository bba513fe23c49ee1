using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Collections.Access;

namespace Collections.Api.Hosting;

/// <summary>
/// Refuses to start an installation that would run unsafely: a malformed bootstrap key anywhere; in Production also an
/// example secret left in place, a portal address on localhost or without https (every magic link would point there),
/// an e-mail outbox directory that cannot be written, and Data Protection keys without a certificate to protect them
/// at rest (a database backup would otherwise be enough to forge portal links). In every environment, a runtime
/// without ICU: debtors are written to in their own culture's amounts and dates, which invariant globalization
/// would silently turn into one neutral format.
/// </summary>
internal static class StartupChecks
{
    /// <summary>Markers of the example values in deploy/ (.env.example, k8s/secret.example.yaml) and the docs.</summary>
    private static readonly string[] ExampleMarkers = ["change_me", "change-me", "changeme"];

    public static void ThrowIfUnsafe(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration, environment);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Collections will not start:\n- " + string.Join("\n- ", problems));
        }
    }

    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        problems.AddRange(AccessModule.StartupProblems(configuration));

        if (!HasCultureData())
        {
            problems.Add("The runtime has no culture data (invariant globalization, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT): debtors would get one neutral "
                + "format instead of their own amounts and dates. Run on an image that carries ICU (the Debian-based mcr.microsoft.com/dotnet/aspnet "
                + "does; Alpine needs icu-libs) and unset that variable.");
        }

        if (!environment.IsProduction())
        {
            return problems;
        }

        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null && IsSecret(key) && ExampleMarkers.Any(m => value.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{key} still holds the example value from deploy/: set a real secret.");
            }
        }

        var portal = configuration["Portal:BaseUrl"];
        if (!Uri.TryCreate(portal, UriKind.Absolute, out var portalUri) || portalUri.Scheme != Uri.UriSchemeHttps || portalUri.IsLoopback
            || portalUri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Portal:BaseUrl must be the portal's public https address (is '{portal ?? "unset"}'): every magic link and Stripe return page points there.");
        }

        if (string.IsNullOrWhiteSpace(configuration["Smtp:Host"]))
        {
            var outbox = configuration["Dunning:OutboxDirectory"] ?? "data/outbox";
            if (!IsWritable(outbox))
            {
                problems.Add($"Without Smtp:Host e-mails are written to Dunning:OutboxDirectory ('{Path.GetFullPath(outbox)}'), which cannot be written.");
            }
        }

        var certificate = configuration["DataProtection:Certificate:Path"];
        if (string.IsNullOrWhiteSpace(certificate))
        {
            problems.Add("DataProtection:Certificate:Path (and :Password) must name a certificate (.pfx) that protects the Data Protection keys at rest.");
        }
        else if (!File.Exists(certificate))
        {
            problems.Add($"DataProtection:Certificate:Path names '{certificate}', which does not exist.");
        }

        return problems;
    }

    /// <summary>The certificate that encrypts the Data Protection keys stored in the database, when one is configured.</summary>
    public static X509Certificate2? DataProtectionCertificate(IConfiguration configuration) =>
        configuration["DataProtection:Certificate:Path"] is { Length: > 0 } path && File.Exists(path)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:Certificate:Password"])
            : null;

    private static bool HasCultureData()
    {
        try
        {
            return CultureInfo.GetCultureInfo("de-DE", predefinedOnly: true).NumberFormat.NumberDecimalSeparator == ",";
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsSecret(string key) =>
        key.EndsWith("Password", StringComparison.OrdinalIgnoreCase) || key.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase);

    private static bool IsWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
