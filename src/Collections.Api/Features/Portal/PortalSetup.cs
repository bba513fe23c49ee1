using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Collections.Api.Features.Portal;

/// <summary>The host side of the debtor portal: links, sessions, rate limits and the static pages under /portal/.</summary>
internal static class PortalSetup
{
    /// <summary>No inline script or style, nothing from another origin, never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions();
        services.AddSingleton(options);
        services.AddSingleton<PortalLinks>();
        services.AddSingleton<IPortalLinks>(sp => sp.GetRequiredService<PortalLinks>());
        services.AddScoped<PortalRevocations>();
        services.AddScoped<IBearerTokenResolver, PortalSessionResolver>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteTooManyRequests;
            limiter.AddPolicy(StartPortalSessionEndpoint.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                "exchange:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => Window(options.SessionExchangesPerMinute)));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.IsInRole(Roles.Debtor)
                    ? RateLimitPartition.GetFixedWindowLimiter("session:" + http.User.FindFirstValue(ClaimTypes.NameIdentifier), _ => Window(options.CallsPerSessionPerMinute))
                    : RateLimitPartition.GetNoLimiter("not-a-portal-session"));
        });
        return services;
    }

    /// <summary>Static pages go before routing; the rate limiter after authentication, so it knows a session from an API key.</summary>
    public static WebApplication UsePortalFiles(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.Equals("/portal", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Redirect("/portal/");
                return;
            }

            await next();
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                var headers = file.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static async ValueTask WriteTooManyRequests(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Too many requests in a short time. Please wait {seconds} seconds and try again.",
            },
        });
    }
}
