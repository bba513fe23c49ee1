using Collections.Invoicing.Domain;
using Collections.Invoicing.Features.Invoices;
using Collections.Invoicing.Features.LateFees;
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
        services.AddScoped<DebtorReader>();
        services.AddScoped<InvoiceReader>();
        services.AddScoped<InvoiceResponses>();
        services.AddScoped<InvoiceUpserter>();
        services.AddScoped<InvoiceBulkCreator>();
        services.AddScoped<Features.DebtorImport.DebtorImportWriter>();
        services.AddScoped<ReceivableLedger>();
        services.AddScoped<ActivityLog>();
        services.AddScoped<Sequences>();
        services.AddScoped<LateFeeAssessor>();
        services.AddHostedService<LateFeeAssessmentService>();
        return services;
    }

    public static IEndpointRouteBuilder MapInvoicingEndpoints(this IEndpointRouteBuilder app) =>
        app.MapModuleEndpoints(typeof(InvoicingModule).Assembly, "Invoicing");
}
