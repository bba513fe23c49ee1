using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Invoicing;

public static class InvoicingModule
{
    public static IServiceCollection AddInvoicingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule(typeof(InvoicingModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapInvoicingEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(InvoicingModule).Assembly, "Invoicing");
}
