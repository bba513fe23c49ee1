using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Disputes.Contracts;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Disputes.Tests.Integration;

/// <summary>
/// The host with debtor sessions for tests ("test-debtor:{debtorId}") and a recorder of the notifications Disputes publishes (and the credit notes it has issued).
/// Debtors and invoices go in through the API as an ERP would put them.
/// </summary>
public abstract class DisputesFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    protected NotificationRecorder Published { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddScoped<IBearerTokenResolver, TestDebtorSessions>();
        services.AddSingleton(Published);
        services.AddScoped<INotificationHandler<DisputeOpened>>(sp => sp.GetRequiredService<NotificationRecorder>());
        services.AddScoped<INotificationHandler<DisputeResolved>>(sp => sp.GetRequiredService<NotificationRecorder>());
        services.AddScoped<INotificationHandler<DisputeWithdrawn>>(sp => sp.GetRequiredService<NotificationRecorder>());
        services.AddScoped<INotificationHandler<CreditNoteIssued>>(sp => sp.GetRequiredService<NotificationRecorder>());
    }

    protected HttpClient SessionFor(string debtorId)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestDebtorSessions.Prefix + debtorId);
        return client;
    }

    /// <summary>A new debtor; returns (internal id, external id).</summary>
    protected async Task<(string Id, string ExternalId)> NewDebtor()
    {
        var externalId = Unique("deb");
        var body = new
        {
            name = "Acme GmbH",
            countryCode = "DE",
            timeZone = "Europe/Berlin",
            language = "de",
            currency = "EUR",
            creditLimit = 50000.00m,
            paymentTermsDays = 30,
            segment = "standard",
            contacts = new[] { new { name = "Anna Schmidt", email = "anna@acme.example", role = "accounts_payable", isPrimary = true } },
        };
        var debtor = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", body)).ShouldBe(HttpStatusCode.Created);
        return (debtor.GetProperty("id").GetString()!, externalId);
    }

    protected async Task<string> NewInvoice(string debtorExternalId, decimal total = 1000.00m)
    {
        var body = new
        {
            debtorExternalId,
            number = "N-" + Guid.NewGuid().ToString("N")[..8],
            poNumber = "PO-7",
            currency = "EUR",
            issueDate = "2026-02-01",
            dueDate = "2026-03-01",
            total,
        };
        var invoice = await (await Erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{Unique("inv")}", body)).ShouldBe(HttpStatusCode.Created);
        return invoice.GetProperty("id").GetString()!;
    }

    protected static Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    protected static Task<HttpResponseMessage> Open(HttpClient client, string invoiceId, decimal? amount = null, string? key = null, string reason = "pricing") =>
        Post(client, "/api/v1/disputes", new { invoiceId, amount, reason, description = "The unit price is not what we agreed." }, key);

    protected static async Task<JsonElement> Opened(HttpClient client, string invoiceId, decimal? amount = null) =>
        await (await Open(client, invoiceId, amount)).ShouldBe(HttpStatusCode.Created);

    protected static Task<HttpResponseMessage> Resolve(HttpClient client, string disputeId, string outcome, decimal? creditAmount = null, string? key = null) =>
        Post(client, $"/api/v1/disputes/{disputeId}/resolve", new { outcome, creditAmount, resolutionNote = "Checked against the order confirmation." }, key);

    protected Task<HttpResponseMessage> Assign(string disputeId) =>
        Staff.PostAsJsonAsync($"/api/v1/disputes/{disputeId}/assign", new { assignee = "maria@creditor.example" });

    protected async Task<JsonElement> Invoice(string invoiceId) =>
        await (await Staff.GetAsync($"/api/v1/invoices/{invoiceId}")).ShouldBe(HttpStatusCode.OK);

    protected async Task<JsonElement> Dispute(HttpClient client, string disputeId) =>
        await (await client.GetAsync($"/api/v1/disputes/{disputeId}")).ShouldBe(HttpStatusCode.OK);

    protected async Task<T> SendInScope<T>(IRequest<T> request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}

internal static class JsonMoney
{
    public static decimal Amount(this JsonElement element, string property) => element.GetProperty(property).GetProperty("amount").GetDecimal();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}

internal sealed class TestDebtorSessions : IBearerTokenResolver
{
    public const string Prefix = "test-debtor:";

    public Task<Caller?> ResolveAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(token.StartsWith(Prefix, StringComparison.Ordinal)
            ? new Caller("session:" + token[Prefix.Length..], "Anna Schmidt", Roles.Debtor, token[Prefix.Length..])
            : null);
}

public sealed class NotificationRecorder : INotificationHandler<DisputeOpened>, INotificationHandler<DisputeResolved>, INotificationHandler<DisputeWithdrawn>,
    INotificationHandler<CreditNoteIssued>
{
    public ConcurrentQueue<INotification> All { get; } = new();

    public Task Handle(DisputeOpened notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(DisputeResolved notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(DisputeWithdrawn notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(CreditNoteIssued notification, CancellationToken cancellationToken) => Record(notification);

    private Task Record(INotification notification)
    {
        All.Enqueue(notification);
        return Task.CompletedTask;
    }
}
