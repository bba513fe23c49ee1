using Collections.Insights.Dashboard;
using Collections.Insights.Domain;
using Collections.Insights.Features.Alerts;
using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Insights;

public static class InsightsModule
{
    public static IServiceCollection AddInsightsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule(typeof(InsightsModule).Assembly);
        var options = new InsightsOptions();
        configuration.GetSection("Insights").Bind(options);
        options.Validate();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddScoped<InsightsStore>();
        services.AddScoped<AlertBook>();
        services.AddScoped<RiskReader>();
        services.AddScoped<DebtorSignals>();
        services.AddScoped<FigureReader>();
        services.AddScoped<AlertScanner>();
        services.AddScoped<Features.Rebuild.RebuildWriter>();
        return services;
    }

    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapModuleEndpoints(typeof(InsightsModule).Assembly, "Insights");
        DashboardFiles.Map(app);
        return app;
    }
}
