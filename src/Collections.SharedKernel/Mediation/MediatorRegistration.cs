using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.SharedKernel.Mediation;

/// <summary>All MediatR 5.1 wiring lives here, so an upgrade touches one file.</summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddCollectionsMediator(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, SequentialMediator>();
        services.AddScoped<IdempotencyContext>();

        // First registered runs outermost: log, validate, then check the key (which opens the transaction the unit of
        // work joins, and stores a refusal after that transaction rolled back).
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));

        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
            {
                foreach (var contract in type.GetInterfaces().Where(IsHandlerContract))
                {
                    services.AddScoped(contract, type);
                }
            }

            services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        }

        return services;
    }

    private static bool IsHandlerContract(Type contract) =>
        contract.IsGenericType &&
        (contract.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) ||
         contract.GetGenericTypeDefinition() == typeof(INotificationHandler<>));

    /// <summary>
    /// MediatR 5 starts notification handlers together; ours share one connection and transaction,
    /// so they must run one after another.
    /// </summary>
    private sealed class SequentialMediator(ServiceFactory serviceFactory) : Mediator(serviceFactory)
    {
        protected override async Task PublishCore(IEnumerable<Task> allHandlers)
        {
            foreach (var handler in allHandlers)
            {
                await handler;
            }
        }
    }
}
