using Collections.PaymentPlans.Domain;
using Collections.PaymentPlans.Features.Evaluations;
using Collections.PaymentPlans.Features.Plans;
using Collections.PaymentPlans.Features.Tracking;
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
        services.Configure<PlanPolicyOptions>(configuration.GetSection(PlanPolicyOptions.Section));
        services.Configure<PlanEvaluationOptions>(configuration.GetSection(PlanEvaluationOptions.Section));
        services.AddScoped<PlanStore>();
        services.AddScoped<PlanEligibility>();
        services.AddScoped<PlanDrafter>();
        services.AddScoped<PlanLifecycle>();
        services.AddScoped<PlanReceipts>();
        services.AddHostedService<PlanEvaluationService>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentPlansEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(PaymentPlansModule).Assembly, "PaymentPlans");
}
