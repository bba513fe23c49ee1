using System.Globalization;
using System.Security.Cryptography;
using Collections.SharedKernel.Portal;
using Microsoft.AspNetCore.DataProtection;

namespace Collections.Api.Features.Portal;

public sealed class PortalOptions
{
    /// <summary>Where debtors reach the portal, e.g. https://pay.example.com (links end in /portal/#/login?token=…).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>
/// Magic-link tokens are "debtorId|expiry" sealed with ASP.NET Core Data Protection. The expiry is checked against the
/// injected TimeProvider (not the protector's own clock) so link lifetimes are testable and follow the app's time.
/// </summary>
internal sealed class PortalLinks(IDataProtectionProvider protection, PortalOptions options, TimeProvider time) : IPortalLinks
{
    private readonly IDataProtector protector = protection.CreateProtector("Collections.Portal.MagicLink.v1");

    public Uri CreateLink(string debtorId, string? invoiceId = null)
    {
        var expires = time.GetUtcNow().Add(options.LinkLifetime).ToUnixTimeSeconds();
        var token = protector.Protect($"{debtorId}|{expires.ToString(CultureInfo.InvariantCulture)}");
        var invoice = invoiceId is null ? string.Empty : $"&invoice={Uri.EscapeDataString(invoiceId)}";
        return new Uri($"{options.BaseUrl.TrimEnd('/')}/portal/#/login?token={Uri.EscapeDataString(token)}{invoice}");
    }

    public string? ReadToken(string token)
    {
        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() < expires ? parts[0] : null;
    }
}
