using System.Net;
using System.Net.Sockets;

namespace Collections.Webhooks.Domain;

/// <summary>Resolves an endpoint's host name; replaceable so tests can answer what a hostile DNS server would.</summary>
public interface IWebhookHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

internal sealed class DnsWebhookHostResolver : IWebhookHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A delivery Collections refused to make; the message is what the delivery log shows.</summary>
internal sealed class WebhookDestinationRefusedException(string message) : Exception(message);

/// <summary>
/// Which addresses a webhook may reach: public unicast only. Loopback, private (RFC 1918, fc00::/7), link-local
/// (169.254/16 with the cloud metadata address, fe80::/10), CGNAT 100.64/10, multicast, unspecified, broadcast,
/// documentation and other reserved ranges are refused; an IPv4-mapped IPv6 address is judged as its IPv4 address.
/// </summary>
internal static class PublicAddresses
{
    private static readonly (IPAddress Network, int Prefix, string Kind)[] RefusedRanges =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "unspecified"),
        (IPAddress.Parse("10.0.0.0"), 8, "private"),
        (IPAddress.Parse("100.64.0.0"), 10, "carrier-grade NAT"),
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local (cloud metadata)"),
        (IPAddress.Parse("172.16.0.0"), 12, "private"),
        (IPAddress.Parse("192.0.0.0"), 24, "reserved"),
        (IPAddress.Parse("192.0.2.0"), 24, "documentation"),
        (IPAddress.Parse("192.168.0.0"), 16, "private"),
        (IPAddress.Parse("198.18.0.0"), 15, "benchmarking"),
        (IPAddress.Parse("198.51.100.0"), 24, "documentation"),
        (IPAddress.Parse("203.0.113.0"), 24, "documentation"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved"),
        (IPAddress.Parse("::"), 128, "unspecified"),
        (IPAddress.Parse("::1"), 128, "loopback"),
        (IPAddress.Parse("64:ff9b:1::"), 48, "private NAT64"),
        (IPAddress.Parse("100::"), 64, "discard"),
        (IPAddress.Parse("2001:db8::"), 32, "documentation"),
        (IPAddress.Parse("fc00::"), 7, "private (unique local)"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("fec0::"), 10, "site-local"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
    ];

    /// <summary>Null when the address is public; otherwise the kind of address it is ("private", "loopback", …).</summary>
    public static string? RefusalKind(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.Equals(IPAddress.Broadcast))
        {
            return "broadcast";
        }

        foreach (var (network, prefix, kind) in RefusedRanges)
        {
            if (network.AddressFamily == address.AddressFamily && InRange(address, network, prefix))
            {
                return kind;
            }
        }

        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 ? null : "non-IP";
    }

    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var fullBytes = prefix / 8;
        for (var i = 0; i < fullBytes; i++)
        {
            if (a[i] != n[i])
            {
                return false;
            }
        }

        var remainingBits = prefix % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (a[fullBytes] & mask) == (n[fullBytes] & mask);
    }
}

/// <summary>
/// The only way the webhook client opens a connection (SocketsHttpHandler.ConnectCallback): it resolves the host itself,
/// refuses the connection when any resolved address is not public, and connects to the addresses it checked, so a DNS
/// answer that changes between registration and delivery (rebinding) cannot reach an internal service.
/// </summary>
internal sealed class WebhookConnector(IWebhookHostResolver resolver, WebhookOptions options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await ResolveAsync(host, ct);
        if (addresses.Length == 0)
        {
            throw new WebhookDestinationRefusedException($"The endpoint's host {host} does not resolve to any address.");
        }

        foreach (var address in addresses)
        {
            var kind = PublicAddresses.RefusalKind(address);
            if (kind is not null && !(options.AllowLoopbackHttp && PublicAddresses.IsLoopback(address)))
            {
                throw new WebhookDestinationRefusedException(
                    $"Refused: the endpoint's host {host} resolves to {address}, a {kind} address. Webhooks are delivered to public addresses only.");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        try
        {
            return await resolver.ResolveAsync(host, ct);
        }
        catch (SocketException)
        {
            throw new WebhookDestinationRefusedException($"The endpoint's host {host} could not be resolved.");
        }
    }
}
