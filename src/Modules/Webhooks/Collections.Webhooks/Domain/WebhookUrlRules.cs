using FluentValidation;

namespace Collections.Webhooks.Domain;

internal static class WebhookUrlRules
{
    /// <summary>Absolute http(s) URL without credentials; https unless the host is loopback or AllowHttp is set.</summary>
    public static IRuleBuilderOptions<T, string?> WebhookUrl<T>(this IRuleBuilder<T, string?> rule, WebhookOptions options) =>
        rule.NotEmpty().MaximumLength(2000).Must(url => IsAllowed(url, options))
            .WithMessage(options.AllowHttp
                ? "Must be an absolute http or https URL without credentials."
                : "Must be an absolute https URL without credentials (http is allowed only to loopback).");

    public static bool IsAllowed(string? url, WebhookOptions options)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (options.AllowHttp || uri.IsLoopback));
    }
}
