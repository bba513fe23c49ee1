using System.Reflection;
using Collections.SharedKernel.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.SharedKernel.Web;

/// <summary>One use case's HTTP mapping. Each slice file holds one; modules map them all at once.</summary>
public interface IEndpoint
{
    void Map(IEndpointRouteBuilder api);
}

public static class EndpointModule
{
    public const string ApiPrefix = "/api/v1";

    public static IServiceCollection AddModule(this IServiceCollection services, Assembly assembly)
    {
        var catalog = services.Select(d => d.ImplementationInstance).OfType<ModuleCatalog>().SingleOrDefault();
        if (catalog is null)
        {
            catalog = new ModuleCatalog();
            services.AddSingleton(catalog);
        }

        catalog.Add(assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapModuleEndpoints(this IEndpointRouteBuilder app, Assembly assembly, string tag)
    {
        var api = app.MapGroup(ApiPrefix).WithTags(tag);
        var endpoints = assembly.GetTypes()
            .Where(t => typeof(IEndpoint).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IEndpoint)Activator.CreateInstance(t)!);
        foreach (var endpoint in endpoints)
        {
            endpoint.Map(api);
        }

        return app;
    }
}
