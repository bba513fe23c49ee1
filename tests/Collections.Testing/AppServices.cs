using Collections.SharedKernel.Data;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Testing;

/// <summary>Commands, queries and notifications sent inside the app, each in a request scope of its own, as a module would.</summary>
public static class AppServices
{
    public static async Task<T> Send<T>(this CollectionsApp app, IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public static async Task Publish(this CollectionsApp app, INotification notification)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification);
    }

    /// <summary>Publishes another module's notification the way it would: inside one transaction of its own.</summary>
    public static async Task PublishInTransaction(this CollectionsApp app, INotification notification)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await db.InTransactionAsync(async () =>
        {
            await mediator.Publish(notification);
            return true;
        });
    }
}
