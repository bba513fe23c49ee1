using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Disputes.Contracts;
using Collections.Invoicing.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Disputes.Tests.Integration;

/// <summary>
/// The host with stand-in debtor sessions (App.DebtorSession, named Anna Schmidt) and a recorder of the notifications Disputes publishes (and the credit notes it has issued).
/// Debtors and invoices go in through the API as an ERP would put them.
/// </summary>
public abstract class DisputesFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    protected NotificationRecorder Published { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddTestDebtorSessions("Anna Schmidt");
        services.RecordNotifications(Published, typeof(DisputeOpened), typeof(DisputeResolved), typeof(DisputeWithdrawn), typeof(CreditNoteIssued));
    }

    protected static Task<HttpResponseMessage> Open(HttpClient client, string invoiceId, decimal? amount = null, string? key = null, string reason = "pricing") =>
        client.PostKeyed("/api/v1/disputes", new { invoiceId, amount, reason, description = "The unit price is not what we agreed." }, key);

    protected static async Task<JsonElement> Opened(HttpClient client, string invoiceId, decimal? amount = null) =>
        await (await Open(client, invoiceId, amount)).ShouldBe(HttpStatusCode.Created);

    protected static Task<HttpResponseMessage> Resolve(HttpClient client, string disputeId, string outcome, decimal? creditAmount = null, string? key = null) =>
        client.PostKeyed($"/api/v1/disputes/{disputeId}/resolve", new { outcome, creditAmount, resolutionNote = "Checked against the order confirmation." }, key);

    protected Task<HttpResponseMessage> Assign(string disputeId) =>
        Staff.PostAsJsonAsync($"/api/v1/disputes/{disputeId}/assign", new { assignee = "maria@creditor.example" });

    protected async Task<JsonElement> Invoice(string invoiceId) =>
        await (await Staff.GetAsync($"/api/v1/invoices/{invoiceId}")).ShouldBe(HttpStatusCode.OK);

    protected async Task<JsonElement> Dispute(HttpClient client, string disputeId) =>
        await (await client.GetAsync($"/api/v1/disputes/{disputeId}")).ShouldBe(HttpStatusCode.OK);
}
