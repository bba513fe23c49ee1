using System.Net;
using Collections.SharedKernel.Operations;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Collections.Api.Hosting;

/// <summary>Configuration section "Cors": origins of a portal hosted on another site.</summary>
public sealed class CorsSettings
{
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// Configuration section "ForwardedHeaders": the reverse proxies (addresses, or networks in CIDR notation) whose
/// X-Forwarded-For and X-Forwarded-Proto are believed. Loopback is trusted as well; a header from anyone else is ignored,
/// so a client cannot choose the address its rate limit is counted under.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public string[] KnownProxies { get; set; } = [];

    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>What running several instances and operating them needs: leases, shared keys, logs, telemetry, headers.</summary>
internal static class OperationsSetup
{
    public const string CorsPolicy = "portal";

    public static WebApplicationBuilder AddCollectionsOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IJobLease, DatabaseJobLease>();
        services.AddHttpsRedirection(options => options.HttpsPort = 443);
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (builder.Environment.IsProduction() || builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var cors = builder.Configuration.GetSection("Cors").Get<CorsSettings>() ?? new CorsSettings();
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
            policy.WithOrigins(cors.AllowedOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Retry-After").AllowCredentials()));

        var proxies = builder.Configuration.GetSection("ForwardedHeaders").Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        AddTelemetry(builder);
        return builder;
    }

    public static WebApplication UseCollectionsOperations(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }

        // Production answers plain http with a redirect to https (behind the proxy, X-Forwarded-Proto says which it was);
        // health probes stay on plain http, where the orchestrator sends them.
        if (app.Environment.IsProduction())
        {
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal), https => https.UseHttpsRedirection());
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors(CorsPolicy);
        return app;
    }

    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "collections-api"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSqlClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(DomainMetrics.Meter.Name, DatabaseJobLease.Meter.Name, "Collections.Webhooks");
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter();
                }
            });
        _ = telemetry;
    }
}

/// <summary>
/// No sniffing, no framing, no referrer; a strict CSP on the static pages. The API answers JSON, except where an endpoint
/// serves HTML with a CSP of its own (a Dunning letter to print), which is left as it set it.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The portal uses no inline script or style, so neither is allowed.</summary>
    public const string PortalCsp = Collections.Access.AccessModule.PortalContentSecurityPolicy;

    public Task Invoke(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            var path = context.Request.Path;
            // A page that set its own (stricter) policy keeps it, e.g. the Insights dashboard.
            if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/swagger") && !path.StartsWithSegments("/health")
                && string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = PortalCsp;
            }
            else if (path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
