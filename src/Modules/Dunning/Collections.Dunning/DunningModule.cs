using Collections.Dunning.Delivery;
using Collections.Dunning.Domain;
using Collections.Dunning.Features.Runs;
using Collections.Dunning.Features.Tasks;
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
        var options = DunningOptions.From(configuration);
        var smtp = configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        services.AddSingleton(options);
        services.AddSingleton(smtp);
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            services.AddSingleton<IEmailSender, EmlFileSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.AddSingleton(SmsOptions.Read(configuration));
        services.AddSingleton<ISmsSender, TwilioSmsSender>();
        services.AddSingleton<ReplyToAddress>();
        services.AddScoped<SmsGate>();
        services.AddScoped<ChaseSnapshotLoader>();
        services.AddScoped<RunPlanner>();
        services.AddScoped<RunWriter>();
        services.AddScoped<MessageRecheck>();
        services.AddScoped<CourtesyOutbox>();
        services.AddScoped<DueSoonNotices>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<DebtorSettingsStore>();
        services.AddScoped<PromiseHistory>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddHostedService<DunningScheduleService>();
        return services;
    }

    public static IEndpointRouteBuilder MapDunningEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(DunningModule).Assembly, "Dunning");
}
