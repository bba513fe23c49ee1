using Collections.SharedKernel.Web;
using Collections.Webhooks.Domain;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
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
        services.TryAddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        services.AddSingleton<WebhookConnector>();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection("Webhooks"))
            .Validate<IHostEnvironment>((o, env) => !(o.AllowLoopbackHttp && env.IsProduction()),
                "Webhooks:AllowLoopbackHttp is for development and tests; it must not be set in Production.")
            .ValidateOnStart();
        services.AddSingleton<WebhookDispatcher>();
        if (options.DispatcherEnabled)
        {
            services.AddHostedService<WebhookDispatcherService>();
        }

        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseProxy = false,
                ConnectCallback = provider.GetRequiredService<WebhookConnector>().ConnectAsync,
            })
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
                        ShouldHandle = args => ValueTask.FromResult(
                            args.Outcome.Exception is not WebhookDestinationRefusedException && !IsRefusal(args.Outcome.Exception)
                            && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }

    private static bool IsRefusal(Exception? e) => e?.InnerException is WebhookDestinationRefusedException;

    public static IEndpointRouteBuilder MapWebhooksEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(WebhooksModule).Assembly, "Webhooks");
}
