using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Security;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

internal static class PaymentsApi
{
    public static object Debtor(string currency = "EUR", string language = "de") => new
    {
        name = "Acme GmbH",
        countryCode = "DE",
        timeZone = "Europe/Berlin",
        language,
        currency,
        creditLimit = 50000.00m,
        paymentTermsDays = 30,
        segment = "standard",
        contacts = new[] { new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true } },
    };

    public static async Task<string> NewDebtor(this HttpClient client, string externalId, string currency = "EUR", string language = "de")
    {
        var created = await (await client.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", Debtor(currency, language))).ShouldBe(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    public static async Task<string> NewInvoice(this HttpClient client, string debtorExternalId, decimal total, string dueDate, string currency = "EUR", string issueDate = "2026-01-01", object? terms = null)
    {
        var body = new { debtorExternalId, number = "N-" + Guid.NewGuid().ToString("N")[..8], poNumber = "PO-7", currency, issueDate, dueDate, total, terms };
        var created = await (await client.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{Guid.NewGuid():N}", body)).ShouldBe(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    public static object Payment(string debtorId, decimal amount, string currency = "EUR", object[]? allocations = null, string method = "wire", string receivedAt = "2026-03-02") =>
        new { debtorId, amount, currency, method, reference = "BANK-REF-1", receivedAt, allocations };

    public static async Task<JsonElement> Pay(this HttpClient client, object payment) =>
        await (await client.PostKeyed("/api/v1/payments", payment)).ShouldBe(HttpStatusCode.Created);

    public static async Task<decimal> Balance(this HttpClient client, string invoiceId) =>
        (await (await client.GetAsync($"/api/v1/invoices/{invoiceId}")).ShouldBe(HttpStatusCode.OK)).GetProperty("balance").GetProperty("amount").GetDecimal();

    public static decimal Amount(this JsonElement element, string property) => element.GetProperty(property).GetProperty("amount").GetDecimal();

    public static async Task<T> Send<T>(this CollectionsApp app, IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public static HttpClient DebtorClient(this CollectionsApp app, string debtorId)
    {
        var client = app.ClientWithKey($"{DebtorSessions.Prefix}{debtorId}");
        return client;
    }
}

/// <summary>Stands in for the host's portal sessions: the bearer "debtor-session:{id}" is that debtor.</summary>
internal sealed class DebtorSessions : IBearerTokenResolver
{
    public const string Prefix = "debtor-session:";

    public Task<Caller?> ResolveAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(token.StartsWith(Prefix, StringComparison.Ordinal)
            ? new Caller("debtor:" + token[Prefix.Length..], "Debtor portal", Roles.Debtor, token[Prefix.Length..])
            : null);
}

/// <summary>Records the notifications Payments publishes, so tests can assert on them.</summary>
internal sealed class PublishedNotifications
{
    public ConcurrentQueue<INotification> All { get; } = new();

    public IEnumerable<T> Of<T>() => All.OfType<T>();
}

internal sealed class NotificationRecorder(PublishedNotifications published) :
    INotificationHandler<PaymentSucceeded>, INotificationHandler<PaymentPending>, INotificationHandler<PaymentFailed>,
    INotificationHandler<PaymentRefunded>, INotificationHandler<ChargebackOpened>
{
    public Task Handle(PaymentSucceeded notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PaymentPending notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PaymentFailed notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PaymentRefunded notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(ChargebackOpened notification, CancellationToken cancellationToken) => Record(notification);

    private Task Record(INotification notification)
    {
        published.All.Enqueue(notification);
        return Task.CompletedTask;
    }
}

internal static class TestServices
{
    public static void AddPaymentsTestServices(this IServiceCollection services, PublishedNotifications published)
    {
        services.AddScoped<IBearerTokenResolver, DebtorSessions>();
        services.AddSingleton(published);
        services.AddScoped<INotificationHandler<PaymentSucceeded>, NotificationRecorder>();
        services.AddScoped<INotificationHandler<PaymentPending>, NotificationRecorder>();
        services.AddScoped<INotificationHandler<PaymentFailed>, NotificationRecorder>();
        services.AddScoped<INotificationHandler<PaymentRefunded>, NotificationRecorder>();
        services.AddScoped<INotificationHandler<ChargebackOpened>, NotificationRecorder>();
    }
}
