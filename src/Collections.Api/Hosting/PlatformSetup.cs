using System.Text.Json;
using System.Text.Json.Serialization;
using Collections.Access;
using Collections.SharedKernel;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.SharedKernel.Operations;
using Collections.SharedKernel.Security;
using Collections.SharedKernel.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collections.Api.Hosting;

internal static class PlatformSetup
{
    public static IServiceCollection AddCollectionsPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        var database = ReadDatabaseOptions(configuration);
        DapperTypeHandlers.Register();
        services.AddSingleton(database);
        services.AddSingleton<IDbConnectionFactory>(new DbConnectionFactory(database));
        services.AddSingleton(new SqlDialect(database.Provider));
        services.AddScoped<DbSession>();
        services.AddScoped<CallerContext>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(IndicativeRates.From(configuration));
        services.AddSingleton(new AsOfLimit(configuration.GetValue<int?>(AsOfLimit.Setting) ?? 1));
        services.AddSingleton<IdempotencyKeyCleanup>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotencyKeyCleanup>());
        var keys = services.AddDataProtection().SetApplicationName("Collections");
        if (StartupChecks.DataProtectionCertificate(configuration) is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate);
        }

        services.AddModule(typeof(Migrations).Assembly);
        services.AddModule(typeof(PlatformSetup).Assembly);

        services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ConfigureJson(options.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddCollectionsProblemDetails();
        services.AddBearerAuthentication();
        services.AddCollectionsSwagger(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Called after every module is added, so one scan finds all handlers and validators.</summary>
    public static IServiceCollection AddCollectionsMediation(this IServiceCollection services)
    {
        var catalog = services.Select(d => d.ImplementationInstance).OfType<ModuleCatalog>().Single();
        return services.AddCollectionsMediator(catalog.Assemblies);
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.MigrateOnStartup)
        {
            Migrations.Run(database, app.Services.GetRequiredService<ModuleCatalog>().Assemblies);
        }

        await AccessModule.EnsureAdminKeyAsync(app.Services, app.Configuration, app.Environment);
    }

    public static WebApplication UseCollectionsPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseIdempotencyReplayHeader();
        app.UsePortalFiles();
        app.UseSwagger();

        // The contract itself is public (api-spec/openapi.json); the interactive page is for people who work on the API,
        // so a production portal's origin does not serve it unless Swagger:Ui says so.
        if (app.Configuration.GetValue<bool?>("Swagger:Ui") ?? !app.Environment.IsProduction())
        {
            app.UseSwaggerUI(options => options.DocumentTitle = "Collections API");
        }
        app.UseRouting();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<CallerContext>().Current = Caller.Anonymous;
            return next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        options.ConnectionString = configuration.GetConnectionString("Collections") ?? DatabaseOptions.DefaultSqliteConnectionString;
        return options;
    }
}
