using System.Globalization;
using System.Security.Cryptography;
using Collections.SharedKernel.Portal;
using Microsoft.AspNetCore.DataProtection;

namespace Collections.Access.Features.Portal;

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

/// <summary>
/// What a valid link says: who it is for, when it was issued (a per-debtor revocation compares against IssuedAt), its id
/// (revocable on its own; null for links issued before links had ids) and the staff member who made it, if one did.
/// </summary>
internal sealed record PortalLinkClaims(string DebtorId, string? ContactId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string? LinkId, string? MintedBy);

internal enum PortalLinkState
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>
/// Magic-link tokens are "3|debtorId|contactId|expiry|issuedAtMs|linkId|mintedBy" sealed with ASP.NET Core Data
/// Protection (version 2, without the last two, is still read: such links are out in the world for their lifetime).
/// Expiry is checked against the injected TimeProvider (not the protector's own clock) so lifetimes follow the app's
/// time. Revocation (per debtor or per link id) lives in the database (see StartPortalSession), so links stay stateless.
/// </summary>
internal sealed class PortalLinks(IDataProtectionProvider protection, PortalOptions options, TimeProvider time) : IPortalLinks
{
    private const string Version = "3";
    private const string PreviousVersion = "2";
    private readonly IDataProtector protector = protection.CreateProtector("Collections.Portal.MagicLink.v1");

    public Uri CreateLink(string debtorId, string? contactId, string linkId) => Mint(debtorId, contactId, linkId, null, options.LinkLifetime).Url;

    /// <summary>A link with its own lifetime; mintedBy names the staff member who asked for it (their sessions say so).</summary>
    public (Uri Url, DateTimeOffset ExpiresAt) Mint(string debtorId, string? contactId, string linkId, string? mintedBy, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds(now.Add(lifetime).ToUnixTimeSeconds());
        var payload = string.Join('|', Version, debtorId, contactId ?? string.Empty,
            expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            linkId, mintedBy?.Replace('|', '/') ?? string.Empty);
        return (Page($"login?token={Uri.EscapeDataString(protector.Protect(payload))}"), expires);
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
        var current = parts.Length == 7 && parts[0] == Version;
        if (!(current || (parts.Length == 5 && parts[0] == PreviousVersion)) || parts[1].Length == 0
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return PortalLinkState.Invalid;
        }

        claims = new PortalLinkClaims(parts[1], parts[2].Length == 0 ? null : parts[2],
            DateTimeOffset.FromUnixTimeMilliseconds(issued), DateTimeOffset.FromUnixTimeSeconds(expires),
            current ? parts[5] : null, current && parts[6].Length > 0 ? parts[6] : null);
        return time.GetUtcNow() < claims.ExpiresAt ? PortalLinkState.Valid : PortalLinkState.Expired;
    }
}
