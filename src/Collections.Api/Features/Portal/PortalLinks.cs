using System.Globalization;
using System.Security.Cryptography;
using Collections.SharedKernel.Portal;
using Microsoft.AspNetCore.DataProtection;

namespace Collections.Api.Features.Portal;

public sealed class PortalOptions
{
    /// <summary>Where debtors reach the portal, e.g. https://pay.example.com (links end in /portal/#/login?token=…).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Session exchanges allowed per client address per minute (guessing tokens is pointless, but cheap to stop).</summary>
    public int SessionExchangesPerMinute { get; set; } = 20;

    /// <summary>API calls allowed per debtor session per minute.</summary>
    public int CallsPerSessionPerMinute { get; set; } = 600;
}

/// <summary>What a valid link says: who it is for and when it was issued (revocation compares against IssuedAt).</summary>
internal sealed record PortalLinkClaims(string DebtorId, string? ContactId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

internal enum PortalLinkState
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>
/// Magic-link tokens are "2|debtorId|contactId|expiry|issuedAtMs" sealed with ASP.NET Core Data Protection. Expiry is
/// checked against the injected TimeProvider (not the protector's own clock) so lifetimes follow the app's time.
/// Revocation is per debtor and lives in the database (see StartPortalSession), so links stay stateless.
/// </summary>
internal sealed class PortalLinks(IDataProtectionProvider protection, PortalOptions options, TimeProvider time) : IPortalLinks
{
    private const string Version = "2";
    private readonly IDataProtector protector = protection.CreateProtector("Collections.Portal.MagicLink.v1");

    public Uri CreateLink(string debtorId, string? invoiceId = null) => CreateLink(debtorId, null, invoiceId, options.LinkLifetime).Url;

    public (Uri Url, DateTimeOffset ExpiresAt) CreateLink(string debtorId, string? contactId, string? invoiceId, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds(now.Add(lifetime).ToUnixTimeSeconds());
        var payload = string.Join('|', Version, debtorId, contactId ?? string.Empty,
            expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        var token = protector.Protect(payload);
        var invoice = invoiceId is null ? string.Empty : $"&invoice={Uri.EscapeDataString(invoiceId)}";
        return (Page($"login?token={Uri.EscapeDataString(token)}{invoice}"), expires);
    }

    public Uri Page(string route) => new($"{options.BaseUrl.TrimEnd('/')}/portal/#/{route.TrimStart('/')}");

    public string? ReadToken(string token) => Read(token, out var claims) == PortalLinkState.Valid ? claims!.DebtorId : null;

    /// <summary>Claims are returned for an expired link too (its signature held), so callers can say "expired" rather than "invalid".</summary>
    public PortalLinkState Read(string token, out PortalLinkClaims? claims)
    {
        claims = null;
        string payload;
        try
        {
            payload = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return PortalLinkState.Invalid;
        }
        catch (FormatException)
        {
            return PortalLinkState.Invalid;
        }

        var parts = payload.Split('|');
        if (parts.Length != 5 || parts[0] != Version || parts[1].Length == 0
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return PortalLinkState.Invalid;
        }

        claims = new PortalLinkClaims(parts[1], parts[2].Length == 0 ? null : parts[2],
            DateTimeOffset.FromUnixTimeMilliseconds(issued), DateTimeOffset.FromUnixTimeSeconds(expires));
        return time.GetUtcNow() < claims.ExpiresAt ? PortalLinkState.Valid : PortalLinkState.Expired;
    }
}
