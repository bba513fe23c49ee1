using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.PaymentPlans;

public static class PaymentPlansModule
{
    public static IServiceCollection AddPaymentPlansModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule(typeof(PaymentPlansModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentPlansEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(PaymentPlansModule).Assembly, "PaymentPlans");
}
