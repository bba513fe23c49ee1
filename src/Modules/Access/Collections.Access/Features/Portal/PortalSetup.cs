using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Collections.SharedKernel.Portal;
using Collections.SharedKernel.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Access.Features.Portal;

/// <summary>
/// The debtor portal's access: links, sessions and their rate limits. The host serves the static pages under /portal/
/// (with <see cref="AccessModule.PortalContentSecurityPolicy"/>) and puts the rate limiter after authentication.
/// </summary>
internal static class PortalSetup
{
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
