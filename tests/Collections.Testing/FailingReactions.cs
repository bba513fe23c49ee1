using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Testing;

/// <summary>
/// Another module's reaction that throws for the notifications a test picks, so the transaction that published them
/// fails (as a real reaction's failure would). Handlers run in the order they were registered.
/// </summary>
public static class FailingReactions
{
    public static IServiceCollection AddFailingReaction<T>(this IServiceCollection services, Func<T, bool> when, Func<T, Exception> failure)
        where T : INotification =>
        services.AddScoped<INotificationHandler<T>>(_ => new Handler<T>(when, failure));

    private sealed class Handler<T>(Func<T, bool> when, Func<T, Exception> failure) : INotificationHandler<T>
        where T : INotification
    {
        public Task Handle(T notification, CancellationToken cancellationToken) =>
            when(notification) ? throw failure(notification) : Task.CompletedTask;
    }
}
