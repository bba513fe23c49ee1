using Collections.Payments.Domain;
using Collections.Payments.Features.BankStatements;
using Collections.Payments.Features.Checkout;
using Collections.Payments.Features.Refunds;
using Collections.Payments.Features.Webhooks;
using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments;

public static class PaymentsModule
{
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule(typeof(PaymentsModule).Assembly);
        var stripe = configuration.GetSection("Stripe").Get<StripeOptions>() ?? new StripeOptions();
        services.AddSingleton(stripe);
        services.AddSingleton<StripeGateway>();
        services.AddScoped<DebtorLock>();
        services.AddScoped<PaymentBook>();
        services.AddScoped<RefundBook>();
        services.AddScoped<DebtorReferences>();
        services.AddScoped<AttemptSettlement>();
        services.AddScoped<Chargebacks>();
        services.AddScoped<RefundSettlement>();
        services.AddSingleton<RefundReconciler>();
        services.AddHostedService(provider => provider.GetRequiredService<RefundReconciler>());
        services.AddHostedService<ParkedEventRetrier>();
        services.AddSingleton<CheckoutSweeper>().AddHostedService(provider => provider.GetRequiredService<CheckoutSweeper>());
        services.AddSingleton(new BankStatementOptions(configuration.GetValue<long?>("Payments:BankStatements:MaxBytes") ?? BankStatementOptions.DefaultMaxBytes));
        services.AddScoped<BankLines>();
        services.AddScoped<BankLineBooking>();
        services.AddScoped<LineMatcher>();
        services.AddScoped<BankImportReader>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(PaymentsModule).Assembly, "Payments");
}
