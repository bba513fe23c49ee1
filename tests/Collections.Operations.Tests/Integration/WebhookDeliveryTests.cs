using System.Net;
using System.Net.Http.Json;
using Collections.Disputes.Contracts;
using Collections.Invoicing.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;
using StandardWebhooks;

namespace Collections.Operations.Tests.Integration;

public sealed class WebhookDeliveryTests(DatabaseProvider provider) : ApiFixture(provider)
{
    private readonly List<string> endpoints = [];
    private WebhookReceiver receiver = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:DispatcherEnabled"] = "false",
        ["Webhooks:QuickRetries"] = "0",
        ["Webhooks:AllowLoopbackHttp"] = "true",
    };

    [SetUp]
    public async Task StartReceiver() => receiver = await WebhookReceiver.StartAsync();

    [TearDown]
    public async Task Cleanup()
    {
        foreach (var id in endpoints)
        {
            await Admin.DeleteAsync($"/api/v1/webhook-endpoints/{id}");
        }

        endpoints.Clear();
        await receiver.DisposeAsync();
    }

    [Test]
    public async Task CreditNote_WhenIssued_DeliversOneSignedEventWithTheErpsIds()
    {
        var (endpointId, secret) = await Endpoint("credit_note.issued");
        var debtor = Unique("deb");
        var invoiceExternal = Unique("inv");
        var invoiceId = await Erp.CreateInvoiceAsync(debtor, invoiceExternal);

        await Erp.IssueCreditNoteAsync(invoiceId, 250.50m);
        Assert.That(await App.DispatchAsync(), Is.EqualTo(1));

        var received = receiver.Received.Single();
        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(received.Body, received.Headers), received.Signature ?? "no signature");
        var json = received.Json();
        var data = json.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("type").GetString(), Is.EqualTo("credit_note.issued"));
            Assert.That(json.GetProperty("id").GetString(), Is.EqualTo(received.EventId));
            Assert.That(received.EventType, Is.EqualTo("credit_note.issued"));
            Assert.That(data.GetProperty("invoiceExternalId").GetString(), Is.EqualTo(invoiceExternal));
            Assert.That(data.GetProperty("debtorExternalId").GetString(), Is.EqualTo(debtor));
            Assert.That(data.GetProperty("amount").GetProperty("amount").GetDecimal(), Is.EqualTo(250.50m));
            Assert.That(data.GetProperty("amount").GetProperty("currency").GetString(), Is.EqualTo("EUR"));
        });
        var log = await Admin.DeliveriesAsync(endpointId);
        Assert.That(log.Single().GetProperty("status").GetString(), Is.EqualTo("delivered"));
        Assert.That(log.Single().GetProperty("lastStatusCode").GetInt32(), Is.EqualTo(200));
        Assert.That(await App.DispatchAsync(), Is.Zero, "a delivered event is never sent again");
    }

    [Test]
    public async Task Payment_WhenItSettlesAnInvoice_SendsInvoicePaidAndPaymentSucceededWithExternalIds()
    {
        await Endpoint("invoice.paid", "payment.succeeded");
        var invoiceExternal = Unique("inv");
        var invoiceId = await Erp.CreateInvoiceAsync(Unique("deb"), invoiceExternal, 1000m);
        var receivable = await App.Send(new GetReceivableQuery(invoiceId));

        await App.Send(new ApplyAllocationCommand(invoiceId, 100000, "EUR", "payment", "pay_1", new DateOnly(2026, 3, 2)));

        await App.PublishInTransaction(new PaymentSucceeded("pay_1", receivable!.DebtorId, 120000, "EUR", "bank_transfer", new DateOnly(2026, 3, 2),
            [new PaymentAllocationDto(invoiceId, 100000, 0)], 20000, null, App.Time.GetUtcNow()));
        await App.DispatchAsync();

        var types = receiver.Received.Select(r => r.EventType).ToList();
        Assert.That(types, Is.EqualTo(new[] { "invoice.paid", "payment.succeeded" }), "in the order they happened");
        var paid = receiver.Received.First().Json().GetProperty("data");
        Assert.That(paid.GetProperty("externalId").GetString(), Is.EqualTo(invoiceExternal));
        var payment = receiver.Received.Last().Json().GetProperty("data");
        var allocation = payment.GetProperty("allocations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(allocation.GetProperty("externalId").GetString(), Is.EqualTo(invoiceExternal));
            Assert.That(allocation.GetProperty("amount").GetProperty("amount").GetDecimal(), Is.EqualTo(1000m));
            Assert.That(payment.GetProperty("unapplied").GetProperty("amount").GetDecimal(), Is.EqualTo(200m));
            Assert.That(payment.GetProperty("amount").GetProperty("amount").GetDecimal(), Is.EqualTo(1200m));
        });
    }

    [Test]
    public async Task Deliveries_WhenReceiverFailsTwice_AreRetriedLaterAndArriveInOrder()
    {
        var (endpointId, _) = await Endpoint("dispute.opened");
        receiver.Answer = call => call <= 2 ? 500 : 200;
        var invoiceId = await Erp.CreateInvoiceAsync(Unique("deb"), Unique("inv"));
        var debtorId = (await App.Send(new GetReceivableQuery(invoiceId)))!.DebtorId;
        for (var i = 1; i <= 3; i++)
        {
            await App.PublishInTransaction(new DisputeOpened($"dsp_{i}", debtorId, invoiceId, 100 * i, "EUR", "pricing", App.Time.GetUtcNow()));
        }

        Assert.That(await App.DispatchAsync(), Is.EqualTo(1), "only the head of the queue is tried");
        Assert.That(await App.DispatchAsync(), Is.Zero, "nothing is due before the back-off has passed");
        var head = (await Admin.DeliveriesAsync(endpointId)).Last();
        Assert.That(head.GetProperty("status").GetString(), Is.EqualTo("pending"));
        Assert.That(head.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
        Assert.That(head.GetProperty("lastStatusCode").GetInt32(), Is.EqualTo(500));
        Assert.That(head.GetProperty("nextAttemptAt").GetDateTimeOffset(), Is.GreaterThan(App.Time.GetUtcNow()));

        App.Time.Advance(TimeSpan.FromMinutes(1));
        await App.DispatchAsync();
        App.Time.Advance(TimeSpan.FromMinutes(2));
        await App.DispatchAsync();

        var disputes = receiver.Accepted.Select(r => r.Json().GetProperty("data").GetProperty("disputeId").GetString()).ToList();
        Assert.That(disputes, Is.EqualTo(new[] { "dsp_1", "dsp_2", "dsp_3" }));
        Assert.That(receiver.Calls, Is.EqualTo(5));
        Assert.That((await Admin.DeliveriesAsync(endpointId)).Select(d => d.GetProperty("attempts").GetInt32()), Is.EqualTo(new[] { 1, 1, 3 }));
    }

    [Test]
    public async Task Delivery_WhenReceiverIsDownForTheWholeWindow_FailsThenRedeliversTheSameEvent()
    {
        var (endpointId, _) = await Endpoint("*");
        receiver.Answer = _ => 503;
        var ping = await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null)).ShouldBe(HttpStatusCode.Accepted);
        var deliveryId = ping.GetProperty("deliveryId").GetString()!;
        await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver", null)).ShouldBeProblem(HttpStatusCode.Conflict);

        for (var hour = 0; hour < 26; hour++)
        {
            await App.DispatchAsync();
            App.Time.Advance(TimeSpan.FromHours(1));
        }

        var failed = (await Admin.DeliveriesAsync(endpointId)).Single();
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(failed.GetProperty("attempts").GetInt32(), Is.InRange(10, 40), "retried all through the window");
        var attemptsBefore = receiver.Calls;
        await App.DispatchAsync();
        Assert.That(receiver.Calls, Is.EqualTo(attemptsBefore), "a failed delivery is not retried any more");

        receiver.Answer = _ => 200;
        var again = await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver", null)).ShouldBe(HttpStatusCode.Accepted);
        await App.DispatchAsync();

        var delivered = receiver.Accepted.Single();
        Assert.That(delivered.EventId, Is.EqualTo(ping.GetProperty("eventId").GetString()), "same event id, so the ERP can de-duplicate");
        Assert.That(delivered.DeliveryId, Is.EqualTo(again.GetProperty("deliveryId").GetString()));
        Assert.That(delivered.Body, Is.EqualTo(receiver.Received.First().Body), "the same bytes as the first attempt");
        Assert.That(delivered.Json().GetProperty("type").GetString(), Is.EqualTo("webhook.ping"));
    }

    [Test]
    public async Task Event_WhenEndpointIsNotSubscribed_IsNotQueued()
    {
        var (endpointId, _) = await Endpoint("payment.refunded");
        var invoiceId = await Erp.CreateInvoiceAsync(Unique("deb"), Unique("inv"));
        await Erp.IssueCreditNoteAsync(invoiceId, 10m);

        Assert.That(await Admin.DeliveriesAsync(endpointId), Is.Empty);
    }

    [Test]
    public async Task Delivery_AfterSecretRotation_CarriesBothSignaturesUntilTheOverlapEndsThenOnlyTheNew()
    {
        var (endpointId, oldSecret) = await Endpoint("*");
        var rotated = await (await Admin.PostAsJsonAsync($"/api/v1/webhook-endpoints/{endpointId}/rotate-secret", new { overlapHours = 2 })).ShouldBe(HttpStatusCode.OK);
        var newSecret = rotated.GetProperty("secret").GetString()!;
        Assert.That(rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset(), Is.EqualTo(App.Time.GetUtcNow().AddHours(2)));

        await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null)).ShouldBe(HttpStatusCode.Accepted);
        await App.DispatchAsync();
        var during = receiver.Received.Last();
        Assert.That(during.Signature!.Split(' ').Distinct().Count(), Is.EqualTo(2));
        Assert.DoesNotThrow(() => new StandardWebhook(newSecret).Verify(during.Body, during.Headers), "a receiver already on the new secret");
        Assert.DoesNotThrow(() => new StandardWebhook(oldSecret).Verify(during.Body, during.Headers), "a receiver still on the old secret");

        App.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null)).ShouldBe(HttpStatusCode.Accepted);
        await App.DispatchAsync();
        var after = receiver.Received.Last();
        Assert.That(after.Signature!.Split(' '), Has.Length.EqualTo(1));
        Assert.DoesNotThrow(() => new StandardWebhook(newSecret).Verify(after.Body, after.Headers));
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(oldSecret).Verify(after.Body, after.Headers));
    }

    [Test]
    public async Task RotateSecret_WithoutOverlap_SignsOnlyWithTheNewSecretAtOnce()
    {
        var (endpointId, oldSecret) = await Endpoint("*");
        var rotated = await (await Admin.PostAsJsonAsync($"/api/v1/webhook-endpoints/{endpointId}/rotate-secret", new { overlapHours = 0 })).ShouldBe(HttpStatusCode.OK);
        Assert.That(rotated.GetProperty("previousSecretExpiresAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));

        await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null);
        await App.DispatchAsync();

        var received = receiver.Received.Single();
        Assert.DoesNotThrow(() => new StandardWebhook(rotated.GetProperty("secret").GetString()!).Verify(received.Body, received.Headers));
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(oldSecret).Verify(received.Body, received.Headers));
    }

    [TestCase(-1)]
    [TestCase(169)]
    public async Task RotateSecret_WhenOverlapOutOfRange_Is400AndTheSecretIsKept(int hours)
    {
        var (endpointId, secret) = await Endpoint("*");
        await (await Admin.PostAsJsonAsync($"/api/v1/webhook-endpoints/{endpointId}/rotate-secret", new { overlapHours = hours })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null);
        await App.DispatchAsync();

        var received = receiver.Received.Single();
        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(received.Body, received.Headers));
    }

    [Test]
    public async Task RotateSecret_WhenEndpointUnknownOrCallerNotAdmin_IsRefused()
    {
        await (await Admin.PostAsJsonAsync("/api/v1/webhook-endpoints/whe_nope/rotate-secret", new { overlapHours = 1 })).ShouldBeProblem(HttpStatusCode.NotFound);
        var (endpointId, _) = await Endpoint("*");
        Assert.That((await Erp.PostAsJsonAsync($"/api/v1/webhook-endpoints/{endpointId}/rotate-secret", new { overlapHours = 1 })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Delivery_WhenTheReceiverIsNotListening_LogsACleanReasonNotTheSocketError()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var created = await Admin.CreateEndpointAsync($"http://127.0.0.1:{closedPort}/hook", "*");
        endpoints.Add(created.Id);
        await Admin.PostAsync($"/api/v1/webhook-endpoints/{created.Id}/test", null);

        await App.DispatchAsync();

        Assert.That((await Admin.DeliveriesAsync(created.Id)).Single().GetProperty("lastError").GetString(), Is.EqualTo("The endpoint refused the connection."));
    }

    [Test]
    public async Task Delivery_IsStandardWebhooks_WithTheEventIdAsWebhookIdAndAFreshTimestamp()
    {
        var (endpointId, _) = await Endpoint("*");
        var ping = await (await Admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null)).ShouldBe(HttpStatusCode.Accepted);
        await App.DispatchAsync();

        var received = receiver.Received.Single();
        var timestamp = long.Parse(received.Headers["webhook-timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(received.Headers["webhook-id"].ToString(), Is.EqualTo(ping.GetProperty("eventId").GetString()));
            Assert.That(timestamp, Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(60), "wall-clock seconds, as receivers check");
            Assert.That(received.Headers.ContainsKey("Collections-Signature"), Is.False, "the home-grown signature is gone");
        });
    }

    private async Task<(string Id, string Secret)> Endpoint(params string[] events)
    {
        var created = await Admin.CreateEndpointAsync(receiver.Url, events);
        endpoints.Add(created.Id);
        return created;
    }
}
