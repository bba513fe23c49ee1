using System.Diagnostics.Metrics;
using Collections.Dunning.Contracts;
using Collections.Payments.Contracts;
using MediatR;

namespace Collections.Api.Hosting;

/// <summary>
/// Business counters for dashboards, fed by the modules' notifications. They count inside the publisher's
/// transaction, so a rolled-back command can over-count by one; use the database for accounting, these for trends.
/// </summary>
internal sealed class DomainMetrics : INotificationHandler<PaymentSucceeded>, INotificationHandler<ReminderSent>, INotificationHandler<PaymentFailed>
{
    public static readonly Meter Meter = new("Collections");
    private static readonly Counter<long> PaymentsReceived = Meter.CreateCounter<long>("collections.payments.received", description: "Payments received.");
    private static readonly Counter<long> PaymentMinorUnits = Meter.CreateCounter<long>("collections.payments.received_minor", description: "Payment amounts in minor units, by currency.");
    private static readonly Counter<long> PaymentsFailed = Meter.CreateCounter<long>("collections.payments.failed");
    private static readonly Counter<long> RemindersSent = Meter.CreateCounter<long>("collections.reminders.sent", description: "Dunning reminders sent, by tone and channel.");

    public Task Handle(PaymentSucceeded notification, CancellationToken cancellationToken)
    {
        var currency = new KeyValuePair<string, object?>("currency", notification.Currency);
        PaymentsReceived.Add(1, currency, new KeyValuePair<string, object?>("method", notification.Method));
        PaymentMinorUnits.Add(notification.AmountMinor, currency);
        return Task.CompletedTask;
    }

    public Task Handle(PaymentFailed notification, CancellationToken cancellationToken)
    {
        PaymentsFailed.Add(1, new KeyValuePair<string, object?>("currency", notification.Currency));
        return Task.CompletedTask;
    }

    public Task Handle(ReminderSent notification, CancellationToken cancellationToken)
    {
        RemindersSent.Add(1, new KeyValuePair<string, object?>("tone", notification.Tone), new KeyValuePair<string, object?>("channel", notification.Channel));
        return Task.CompletedTask;
    }
}
