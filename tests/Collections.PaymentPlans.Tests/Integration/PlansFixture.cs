using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Security;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.PaymentPlans.Tests.Integration;

/// <summary>
/// The real host with a stand-in for portal sessions ("test-debtor:{debtorId}" is that debtor's session) and a
/// recorder of the notifications the module publishes. The daily evaluation is off unless a fixture turns it on.
/// </summary>
public abstract class PlansFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    protected NotificationLog Published { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PaymentPlans:Evaluation:Enabled"] = "false",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddScoped<IBearerTokenResolver, TestDebtorSessions>();
        services.AddSingleton(Published);
        services.AddScoped<INotificationHandler<PaymentPlanActivated>, NotificationRecorder>();
        services.AddScoped<INotificationHandler<PaymentPlanInstallmentLate>, NotificationRecorder>();
        services.AddScoped<INotificationHandler<PaymentPlanDefaulted>, NotificationRecorder>();
        services.AddScoped<INotificationHandler<PaymentPlanCompleted>, NotificationRecorder>();
        services.AddScoped<INotificationHandler<PaymentPlanCancelled>, NotificationRecorder>();
    }

    protected HttpClient DebtorSession(string debtorId) => App.ClientWithKey(TestDebtorSessions.Prefix + debtorId);

    /// <summary>A new debtor (Europe/Berlin, EUR) with invoices of the given totals, due 2026-03-01; returns the debtor id and invoice ids.</summary>
    protected async Task<(string DebtorId, string[] InvoiceIds)> DebtorWithInvoices(params decimal[] totals)
    {
        var externalId = Unique("deb");
        var debtor = await (await Erp.PutAsJsonAsync($"/api/v1/debtors/by-external-id/{externalId}", new
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
        })).ShouldBe(HttpStatusCode.Created);
        var ids = new List<string>();
        for (var i = 0; i < totals.Length; i++)
        {
            var invoice = await (await Erp.PutAsJsonAsync($"/api/v1/invoices/by-external-id/{Unique("inv")}", new
            {
                debtorExternalId = externalId,
                number = "N-" + Guid.NewGuid().ToString("N")[..8],
                poNumber = "PO-1",
                currency = "EUR",
                issueDate = "2026-01-15",
                dueDate = $"2026-02-{10 + i:00}",
                total = totals[i],
            })).ShouldBe(HttpStatusCode.Created);
            ids.Add(invoice.GetProperty("id").GetString()!);
        }

        return (debtor.GetProperty("id").GetString()!, ids.ToArray());
    }

    protected static object Terms(string[] invoiceIds, int count = 3, string frequency = "monthly", string firstPaymentDate = "2026-03-10", object? downPayment = null) =>
        new { invoiceIds, installmentCount = count, frequency, firstPaymentDate, downPayment };

    protected static async Task<HttpResponseMessage> PostPlan(HttpClient client, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payment-plans") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    protected static async Task<JsonElement> CreatePlan(HttpClient client, object body) =>
        await (await PostPlan(client, body)).ShouldBe(HttpStatusCode.Created);

    protected async Task<JsonElement> Evaluate(string asOf) =>
        await (await Staff.PostAsJsonAsync("/api/v1/payment-plans/evaluations", new { asOf })).ShouldBe(HttpStatusCode.OK);

    protected async Task<JsonElement> GetPlan(string id) =>
        await (await Staff.GetAsync($"/api/v1/payment-plans/{id}")).ShouldBe(HttpStatusCode.OK);

    /// <summary>What Payments does when money arrives: applies it to the invoices, then publishes the fact.</summary>
    protected async Task Pay(string debtorId, string paymentId, params (string InvoiceId, long AmountMinor)[] allocations)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        foreach (var (invoiceId, amount) in allocations)
        {
            await mediator.Send(new ApplyAllocationCommand(invoiceId, amount, "EUR", "payment", paymentId, new DateOnly(2026, 3, 2)));
        }

        var total = allocations.Sum(a => a.AmountMinor);
        await mediator.Publish(new PaymentSucceeded(paymentId, debtorId, total, "EUR", PaymentMethods.BankTransfer, new DateOnly(2026, 3, 2),
            allocations.Select(a => new PaymentAllocationDto(a.InvoiceId, a.AmountMinor, 0)).ToList(), 0, null, App.Time.GetUtcNow()));
    }

    protected async Task Publish(INotification notification)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(notification);
    }

    protected async Task<T> Send<T>(IRequest<T> request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    protected static decimal[] Amounts(JsonElement plan, string property) =>
        plan.GetProperty("installments").EnumerateArray().Select(i => i.GetProperty(property).GetProperty("amount").GetDecimal()).ToArray();

    protected static string[] Statuses(JsonElement plan) =>
        plan.GetProperty("installments").EnumerateArray().Select(i => i.GetProperty("status").GetString()!).ToArray();
}

public sealed class NotificationLog
{
    private readonly ConcurrentQueue<object> items = new();

    public void Add(object notification) => items.Enqueue(notification);

    public IReadOnlyList<T> Of<T>(Func<T, bool> where) => items.OfType<T>().Where(where).ToList();
}

internal sealed class NotificationRecorder(NotificationLog log) :
    INotificationHandler<PaymentPlanActivated>,
    INotificationHandler<PaymentPlanInstallmentLate>,
    INotificationHandler<PaymentPlanDefaulted>,
    INotificationHandler<PaymentPlanCompleted>,
    INotificationHandler<PaymentPlanCancelled>
{
    public Task Handle(PaymentPlanActivated notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PaymentPlanInstallmentLate notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PaymentPlanDefaulted notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PaymentPlanCompleted notification, CancellationToken cancellationToken) => Record(notification);

    public Task Handle(PaymentPlanCancelled notification, CancellationToken cancellationToken) => Record(notification);

    private Task Record(object notification)
    {
        log.Add(notification);
        return Task.CompletedTask;
    }
}

internal sealed class TestDebtorSessions : IBearerTokenResolver
{
    public const string Prefix = "test-debtor:";

    public Task<Caller?> ResolveAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(token.StartsWith(Prefix, StringComparison.Ordinal)
            ? new Caller("session:" + token[Prefix.Length..], "Debtor session", Roles.Debtor, token[Prefix.Length..])
            : null);
}
