using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel.Data;
using Collections.StripeDouble;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

/// <summary>The real host pointed at the local Stripe double, which delivers its signed webhooks back into the host.</summary>
public abstract class StripeFixture(DatabaseProvider provider) : ApiFixture(provider)
{
    private StripeDouble.StripeDouble? stripe;

    internal NotificationRecorder Published { get; } = new();

    internal static Dictionary<string, InstallmentDueDto> Installments { get; } = [];

    protected StripeDouble.StripeDouble Stripe =>
        stripe ??= StripeDouble.StripeDouble.StartAsync(new StripeDoubleOptions { Clock = () => App.Time.GetUtcNow() }).GetAwaiter().GetResult();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = Stripe.Options.SecretKey,
        ["Stripe:WebhookSecret"] = Stripe.Options.WebhookSecret,
        ["Stripe:ApiBase"] = Stripe.ApiBase,
        ["Stripe:MaxNetworkRetries"] = "0",
        ["Portal:BaseUrl"] = "https://pay.example.test",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddPaymentsTestServices(Published);
        services.AddScoped<IRequestHandler<GetNextInstallmentQuery, InstallmentDueDto?>, FakeInstallments>();
    }

    [OneTimeSetUp]
    public void ConnectWebhooks()
    {
        Stripe.Options.WebhookClient = App.CreateClient();
        Stripe.Options.WebhookUrl = new Uri("/api/v1/webhooks/stripe", UriKind.Relative);
    }

    [OneTimeTearDown]
    public async Task StopStripe()
    {
        if (stripe is not null)
        {
            await stripe.DisposeAsync();
        }
    }

    protected async Task<(string AttemptId, string SessionId)> Checkout(HttpClient client, object body)
    {
        var started = await (await client.PostKeyed("/api/v1/payments/checkout", body)).ShouldBe(HttpStatusCode.OK);
        var url = started.GetProperty("checkoutUrl").GetString()!;
        return (started.GetProperty("attemptId").GetString()!, url[(url.LastIndexOf('/') + 1)..]);
    }

    protected async Task<(string Debtor, string Invoice)> DebtorWithInvoice(decimal total, string currency = "EUR")
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext, TestData.DebtorBody(currency: currency));
        return (debtor, await Erp.NewInvoice(ext, total, "2026-01-01", "2026-02-01", currency));
    }

    protected async Task<JsonElement> OnlyPayment(string debtorId)
    {
        var page = await (await Staff.GetAsync($"/api/v1/payments?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(1), page.ToString());
        return page.GetProperty("items")[0];
    }

    protected async Task<HttpResponseMessage> PostSigned(string payload, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/stripe") { Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return await Anonymous.SendAsync(request);
    }

    /// <summary>Runs <paramref name="action"/> with the double's webhooks held (recorded, not delivered) and returns them, to deliver later with RedeliverAsync.</summary>
    protected async Task<IReadOnlyList<DeliveredEvent>> WithWebhooksHeld(Func<Task> action)
    {
        await Stripe.WhenIdleAsync();
        var before = Stripe.Deliveries.Count;
        var url = Stripe.Options.WebhookUrl;
        Stripe.Options.WebhookUrl = null;
        try
        {
            await action();
            await Stripe.WhenIdleAsync();
        }
        finally
        {
            Stripe.Options.WebhookUrl = url;
        }

        return Stripe.Deliveries.Skip(before).ToList();
    }

    /// <summary>One value read straight from the database (for what the API does not show, such as a payment's charged-back amount).</summary>
    protected async Task<T> Scalar<T>(string sql, object parameters)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<T>(sql, parameters);
    }

    protected static JsonObject Paid(JsonObject session, string intent)
    {
        session["status"] = "complete";
        session["payment_status"] = "paid";
        session["payment_intent"] = intent;
        return session;
    }

    private sealed class FakeInstallments : IRequestHandler<GetNextInstallmentQuery, InstallmentDueDto?>
    {
        public Task<InstallmentDueDto?> Handle(GetNextInstallmentQuery request, CancellationToken cancellationToken) =>
            Task.FromResult(Installments.GetValueOrDefault(request.PaymentPlanId));
    }
}
