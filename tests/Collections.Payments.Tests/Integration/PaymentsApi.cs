using System.Net;
using Collections.Payments.Contracts;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

internal static class PaymentsApi
{
    public static async Task<decimal> Balance(this HttpClient client, string invoiceId) =>
        (await (await client.GetAsync($"/api/v1/invoices/{invoiceId}")).ShouldBe(HttpStatusCode.OK)).Amount("balance");
}

internal static class TestServices
{
    /// <summary>Debtor sessions stood in for (<see cref="DebtorSessions.DebtorSession"/>) and the notifications Payments publishes recorded.</summary>
    public static void AddPaymentsTestServices(this IServiceCollection services, NotificationRecorder published)
    {
        services.AddTestDebtorSessions("Debtor portal");
        services.RecordNotifications(published,
            typeof(PaymentSucceeded), typeof(PaymentPending), typeof(PaymentFailed), typeof(PaymentRefunded), typeof(ChargebackOpened));
    }
}
