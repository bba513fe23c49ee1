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
        return services;
    }

    public static IEndpointRouteBuilder MapDisputesEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(DisputesModule).Assembly, "Disputes");
}
