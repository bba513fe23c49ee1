using Microsoft.OpenApi;

namespace Collections.Api.Hosting;

internal static class SwaggerSetup
{
    public static IServiceCollection AddCollectionsSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Collections API",
                Version = "v1",
                Description = "B2B accounts-receivable collections: debtors, invoices, payments, disputes, payment plans, dunning and insights. "
                    + "Authenticate with 'Authorization: Bearer <API key or portal session>'. Money is { amount, currency } in major units.",
            });
            options.AddSecurityDefinition(BearerAuthentication.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (role erp, staff or admin) or a debtor portal session token.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerAuthentication.Scheme, document)] = [],
            });
        });
        return services;
    }
}
