using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.PaymentPlans.Tests.Integration;

/// <summary>
/// The real host with stand-in debtor sessions (App.DebtorSession) and a
/// recorder of the notifications the module publishes. The daily evaluation is off unless a fixture turns it on.
/// </summary>
public abstract class PlansFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    protected NotificationRecorder Published { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PaymentPlans:Evaluation:Enabled"] = "false",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddTestDebtorSessions();
        services.RecordNotifications(Published,
            typeof(PaymentPlanActivated), typeof(PaymentPlanInstallmentLate), typeof(PaymentPlanDefaulted), typeof(PaymentPlanCompleted), typeof(PaymentPlanCancelled));
    }

    /// <summary>A new debtor (Europe/Berlin, EUR) with invoices of the given totals, issued 2026-01-15 and due 2026-02-10, -11, …; returns the debtor id and invoice ids.</summary>
    protected async Task<(string DebtorId, string[] InvoiceIds)> DebtorWithInvoices(params decimal[] totals)
    {
        var (debtorId, externalId) = await Erp.CreateDebtor();
        var ids = new List<string>();
        for (var i = 0; i < totals.Length; i++)
        {
            ids.Add(await Erp.NewInvoice(externalId, totals[i], "2026-01-15", $"2026-02-{10 + i:00}"));
        }

        return (debtorId, ids.ToArray());
    }

    protected static object Terms(string[] invoiceIds, int count = 3, string frequency = "monthly", string firstPaymentDate = "2026-03-10", object? downPayment = null) =>
        new { invoiceIds, installmentCount = count, frequency, firstPaymentDate, downPayment };

    protected static Task<HttpResponseMessage> PostPlan(HttpClient client, object body, string? key = null) =>
        client.PostKeyed("/api/v1/payment-plans", body, key);

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

    protected static decimal[] Amounts(JsonElement plan, string property) =>
        plan.GetProperty("installments").EnumerateArray().Select(i => i.GetProperty(property).GetProperty("amount").GetDecimal()).ToArray();

    protected static string[] Statuses(JsonElement plan) =>
        plan.GetProperty("installments").EnumerateArray().Select(i => i.GetProperty("status").GetString()!).ToArray();
}
