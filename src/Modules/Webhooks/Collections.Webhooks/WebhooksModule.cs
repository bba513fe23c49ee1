using Collections.Webhooks.Domain;
using Collections.SharedKernel.Web;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Collections.Webhooks;

public static class WebhooksModule
{
    public static IServiceCollection AddWebhooksModule(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions();
        services.AddModule(typeof(WebhooksModule).Assembly);
        services.AddSingleton(options);
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<ErpReferences>();
        services.AddScoped<EndpointReader>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        if (options.DispatcherEnabled)
        {
            services.AddHostedService<WebhookDispatcherService>();
        }

        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("webhook-delivery", pipeline =>
            {
                // Quick retries are wall-clock waits inside one attempt; business time (the app's TimeProvider) only
                // governs the stored long back-off.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(options.AttemptTimeout * (options.QuickRetries + 2));
                if (options.QuickRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.QuickRetries,
                        Delay = options.QuickRetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooksEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(WebhooksModule).Assembly, "Webhooks");
}
