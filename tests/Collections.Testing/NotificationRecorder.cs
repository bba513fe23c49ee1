using System.Collections.Concurrent;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Testing;

/// <summary>
/// Records the notifications of the types a test asks for, in the order they were published. Register it in the fixture's
/// ConfigureTestServices: <c>services.RecordNotifications(recorder, typeof(PaymentSucceeded), typeof(PaymentFailed))</c>;
/// handlers registered before it run before it (so a reaction that throws first keeps the notification unrecorded).
/// </summary>
public sealed class NotificationRecorder
{
    public ConcurrentQueue<INotification> All { get; } = new();

    public IEnumerable<T> Of<T>() => All.OfType<T>();

    public IReadOnlyList<T> Of<T>(Func<T, bool> where) => All.OfType<T>().Where(where).ToList();

    internal sealed class Handler<T>(NotificationRecorder recorder) : INotificationHandler<T>
        where T : INotification
    {
        public Task Handle(T notification, CancellationToken cancellationToken)
        {
            recorder.All.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}

public static class NotificationRecording
{
    /// <summary>Adds a handler for each of <paramref name="notificationTypes"/> that records into <paramref name="recorder"/>.</summary>
    public static IServiceCollection RecordNotifications(this IServiceCollection services, NotificationRecorder recorder, params Type[] notificationTypes)
    {
        foreach (var type in notificationTypes)
        {
            if (!typeof(INotification).IsAssignableFrom(type))
            {
                throw new ArgumentException($"{type} is not an INotification.", nameof(notificationTypes));
            }

            var handler = typeof(NotificationRecorder.Handler<>).MakeGenericType(type);
            services.AddScoped(typeof(INotificationHandler<>).MakeGenericType(type), _ => Activator.CreateInstance(handler, recorder)!);
        }

        return services;
    }
}
