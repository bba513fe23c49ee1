using Collections.Disputes.Domain;
using Collections.Disputes.Features.Disputes;
using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Disputes;

public static class DisputesModule
{
    public static IServiceCollection AddDisputesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule(typeof(DisputesModule).Assembly);
        var options = configuration.GetSection("Disputes").Get<DisputesOptions>() ?? new DisputesOptions();
        if (options.ResponseBusinessDays is < 1 or > 100)
        {
            throw new InvalidOperationException("Disputes:ResponseBusinessDays must be between 1 and 100.");
        }

        services.AddSingleton(options);
        services.AddScoped<DisputeStore>();
        services.AddScoped<DisputeResponses>();
        return services;
    }

    public static IEndpointRouteBuilder MapDisputesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(DisputesModule).Assembly, "Disputes");
}
