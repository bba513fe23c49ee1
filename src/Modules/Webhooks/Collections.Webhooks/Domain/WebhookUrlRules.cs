using System.Net;
using FluentValidation;

namespace Collections.Webhooks.Domain;

internal static class WebhookUrlRules
{
    /// <summary>Absolute https URL without credentials, not naming a non-public address; http only to loopback when allowed.</summary>
    public static IRuleBuilderOptions<T, string?> WebhookUrl<T>(this IRuleBuilder<T, string?> rule, WebhookOptions options) =>
        rule.NotEmpty().MaximumLength(2000).Must(url => IsAllowed(url, options))
            .WithMessage(options.AllowLoopbackHttp
                ? "Must be an absolute https URL to a public host without credentials (http is allowed to loopback in development)."
                : "Must be an absolute https URL to a public host without credentials.");

    public static bool IsAllowed(string? url, WebhookOptions options)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        var loopbackAllowed = options.AllowLoopbackHttp && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && loopbackAllowed))
        {
            return false;
        }

        // A name is checked again at every connection (WebhookConnector); an address literal can be judged now.
        if (uri.IsLoopback && !loopbackAllowed)
        {
            return false;
        }

        return uri.HostNameType is not (UriHostNameType.IPv4 or UriHostNameType.IPv6)
               || loopbackAllowed
               || PublicAddresses.RefusalKind(IPAddress.Parse(uri.Host.Trim('[', ']'))) is null;
    }
}
