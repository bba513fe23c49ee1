using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning;

public static class DunningModule
{
    public static IServiceCollection AddDunningModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule(typeof(DunningModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapDunningEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(DunningModule).Assembly, "Dunning");
}
