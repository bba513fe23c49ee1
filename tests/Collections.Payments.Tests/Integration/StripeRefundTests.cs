using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collections.Payments.Contracts;
using Collections.Payments.Features.Refunds;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

public sealed class StripeRefundTests(DatabaseProvider provider) : StripeFixture(provider)
{
    [Test]
    public async Task Refund_OfCardPayment_GoesThroughStripeAndItsWebhookDoesNotRefundTwice()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();

        var refund = await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40m, reason = "Overcharged" })).ShouldBe(HttpStatusCode.Created);
        await Stripe.WhenIdleAsync();

        Assert.That(refund.GetProperty("payment").Amount("refunded"), Is.EqualTo(40m));
        var webhook = Stripe.Deliveries.Last(d => d.Type == "charge.refunded");
        Assert.That(webhook.StatusCode, Is.EqualTo(200), webhook.Response);
        Assert.That((long)JsonNode.Parse(webhook.Payload)!["data"]!["object"]!["amount_refunded"]!, Is.EqualTo(4000));
        var after = await OnlyPayment(debtor);
        Assert.That(after.Amount("refunded"), Is.EqualTo(40m), "the charge.refunded webhook added nothing");
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(40m));
        Assert.That(Published.Of<PaymentRefunded>().Count(r => r.PaymentId == paymentId), Is.EqualTo(1));
    }

    [Test]
    public async Task Refund_WhenStripesAnswerIsLost_StaysPending_AndTheSameKeyFinishesItOnce()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();
        var intent = (string)Stripe.Session(sessionId)!["payment_intent"]!;
        var key = Guid.NewGuid().ToString();

        var held = await WithWebhooksHeld(async () =>
        {
            Stripe.LoseResponses(1);
            await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40m, reason = "Overcharged" }, key)).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);

            Assert.That(Stripe.Refunds.Count(r => (string?)r["payment_intent"] == intent), Is.EqualTo(1), "Stripe refunded; only its answer was lost");
            Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(0m), "nothing is booked before Stripe's answer arrives");
            await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 80m, reason = "Overcharged" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

            var refund = await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40m, reason = "Overcharged" }, key)).ShouldBe(HttpStatusCode.Created);
            Assert.That(refund.GetProperty("payment").Amount("refunded"), Is.EqualTo(40m));
        });

        foreach (var late in held.Where(d => d.Type is "refund.created" or "charge.refunded"))
        {
            Assert.That((await Stripe.RedeliverAsync(late.EventId)).Response, Does.Contain("already booked"), late.Type);
        }

        Assert.That(Stripe.Refunds.Count(r => (string?)r["payment_intent"] == intent), Is.EqualTo(1), "the repeat reached Stripe under the intent's key");
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(40m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(40m));
        Assert.That(Published.Of<PaymentRefunded>().Count(r => r.PaymentId == paymentId), Is.EqualTo(1));
    }

    [Test]
    public async Task Refund_WhenStripesAnswerIsLost_IsFinishedByStripesRefundEvent_WhichNamesTheIntent()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();
        var key = Guid.NewGuid().ToString();

        Stripe.LoseResponses(1);
        await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40m, reason = "Overcharged" }, key)).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        await Stripe.WhenIdleAsync();

        var created = Stripe.Deliveries.Last(d => d.Type == "refund.created");
        Assert.That(created.Response, Does.Contain("done"), created.Response);
        var metadata = JsonNode.Parse(created.Payload)!["data"]!["object"]!["metadata"]!;
        Assert.That((string?)metadata["refund_intent_id"], Does.StartWith("ref_"), "our intent travels with the refund");
        Assert.That(Stripe.Deliveries.Last(d => d.Type == "charge.refunded").Response, Does.Contain("already booked"));
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(40m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(40m));
        var refund = await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40m, reason = "Overcharged" }, key)).ShouldBe(HttpStatusCode.Created);
        Assert.That(refund.GetProperty("id").GetString(), Is.EqualTo((string?)metadata["refund_intent_id"]));
        Assert.That(Published.Of<PaymentRefunded>().Count(r => r.PaymentId == paymentId), Is.EqualTo(1));
        Assert.That(await Scalar<string>("SELECT stripe_refund_id FROM payments_refunds WHERE payment_id = @Id", new { Id = paymentId }), Is.EqualTo((string?)JsonNode.Parse(created.Payload)!["data"]!["object"]!["id"]));
    }

    [Test]
    public async Task Refund_LeftPendingWhenTheRequestEnded_IsFinishedByTheReconciler_Once()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();
        var reconciler = App.Services.GetRequiredService<RefundReconciler>();
        var held = await WithWebhooksHeld(async () =>
        {
            Stripe.LoseResponses(1);
            await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 25m, reason = "Goodwill" })).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);

            Assert.That(await reconciler.ReconcileAsync(CancellationToken.None), Is.EqualTo(0), "a refund just asked for is left to its own request");
            App.Time.Advance(RefundReconciler.MinimumAge + TimeSpan.FromSeconds(1));
            Assert.That(await reconciler.ReconcileAsync(CancellationToken.None), Is.EqualTo(1));
            Assert.That(await reconciler.ReconcileAsync(CancellationToken.None), Is.EqualTo(0));
        });
        foreach (var late in held)
        {
            await Stripe.RedeliverAsync(late.EventId);
        }

        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(25m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(25m));
        Assert.That(Published.Of<PaymentRefunded>().Count(r => r.PaymentId == paymentId), Is.EqualTo(1));
    }

    [Test]
    public async Task Refund_StripeHoldsPending_IsBookedWhenItsRefundEventSaysSucceeded_AndTheReconcilerAsksForItById()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();
        Stripe.Options.RefundsStartPending = true;
        try
        {
            await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 30m, reason = "Returned" })).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            Stripe.Options.RefundsStartPending = false;
        }

        await Stripe.WhenIdleAsync();
        var refundId = (string)Stripe.Refunds.Single(r => (string?)r["payment_intent"] == (string)Stripe.Session(sessionId)!["payment_intent"]!)["id"]!;
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(0m), "a pending refund has not moved money yet");
        App.Time.Advance(RefundReconciler.MinimumAge + TimeSpan.FromSeconds(1));
        var posted = Stripe.Requests.Count(r => r.Method == "POST" && r.Path == "/v1/refunds");
        Assert.That(await App.Services.GetRequiredService<RefundReconciler>().ReconcileAsync(CancellationToken.None), Is.EqualTo(0));
        Assert.That(Stripe.Requests.Count(r => r.Method == "POST" && r.Path == "/v1/refunds"), Is.EqualTo(posted), "nothing created again");
        Assert.That(Stripe.Requests.Last().Path, Is.EqualTo($"/v1/refunds/{refundId}"), "the reconciler asked for the refund by its id");

        var settled = await Stripe.SettleRefundAsync(refundId, succeeded: true);

        Assert.That(settled.Response, Does.Contain("done"), settled.Response);
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(30m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(30m));
    }

    [Test]
    public async Task Refund_StripeHoldsPending_ThenFails_FailsTheIntent_AndBooksNothing()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();
        var key = Guid.NewGuid().ToString();
        Stripe.Options.RefundsStartPending = true;
        try
        {
            await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 30m, reason = "Returned" }, key)).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            Stripe.Options.RefundsStartPending = false;
        }

        await Stripe.WhenIdleAsync();
        var refundId = (string)Stripe.Refunds.Single(r => (string?)r["payment_intent"] == (string)Stripe.Session(sessionId)!["payment_intent"]!)["id"]!;

        var failed = await Stripe.SettleRefundAsync(refundId, succeeded: false);

        Assert.That(failed.Response, Does.Contain("failed"), failed.Response);
        var refused = await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 30m, reason = "Returned" }, key)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain(refundId).And.Contain("failed"));
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(0m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 100m, reason = "Returned" })).ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Chargeback_OfAPaymentOnAWrittenOffInvoice_ReopensWhatItReverses_AndTheWebhookSucceeds()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice, amount = 60m } } });
        await Stripe.CompleteAsync(sessionId);
        await (await Staff.PostAsJsonAsync($"/api/v1/invoices/{invoice}/write-off", new { reason = "Rest not worth chasing" })).ShouldBe(HttpStatusCode.OK);

        var dispute = await Stripe.DisputeAsync(sessionId);

        Assert.That(dispute.StatusCode, Is.EqualTo(200), dispute.Response);
        var reopened = await (await Erp.GetAsync($"/api/v1/invoices/{invoice}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(reopened.GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(reopened.Amount("balance"), Is.EqualTo(60m), "the 40 written off stays written off; the 60 the bank took back is owed again");
    }

    [Test]
    public async Task Refund_OfAPaymentOnAWrittenOffInvoice_ReopensWhatItReverses()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice, amount = 60m } } });
        await Stripe.CompleteAsync(sessionId);
        await (await Staff.PostAsJsonAsync($"/api/v1/invoices/{invoice}/write-off", new { reason = "Rest not worth chasing" })).ShouldBe(HttpStatusCode.OK);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();

        await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 60m, reason = "Goods returned" })).ShouldBe(HttpStatusCode.Created);
        await Stripe.WhenIdleAsync();

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(60m));
        Assert.That(Stripe.Deliveries.Last(d => d.Type == "charge.refunded").StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Chargeback_OfPartOfAPayment_ReversesOnlyTheDisputedAmount()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);

        var dispute = await Stripe.SendEventAsync("charge.dispute.created", Dispute(sessionId, amount: 4000, status: "needs_response"));

        Assert.That(dispute.StatusCode, Is.EqualTo(200), dispute.Response);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(40m), "the bank took back 40, not the whole 100");
        Assert.That(Published.Of<ChargebackOpened>().Single(c => c.DebtorId == debtor).AmountMinor, Is.EqualTo(4000));
    }

    [Test]
    public async Task Inquiry_FromTheBank_ReversesNothing_AndIsNotedForStaff()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);

        var inquiry = await Stripe.SendEventAsync("charge.dispute.created", Dispute(sessionId, amount: 10000, status: "warning_needs_response"));

        Assert.That(inquiry.Response, Does.Contain("inquiry noted"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That((await OnlyPayment(debtor)).GetProperty("status").GetString(), Is.Not.EqualTo("chargeback"));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtor}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.ToString(), Does.Contain("payment.inquiry"));
    }

    [Test]
    public async Task Chargeback_TheCreditorWins_PutsTheMoneyBackOnTheInvoice()
    {
        await SubscribeTheErp();
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var opened = Dispute(sessionId, amount: 10000, status: "needs_response");
        await Stripe.SendEventAsync("charge.dispute.created", opened);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));

        opened["status"] = "won";
        var won = await Stripe.SendEventAsync("charge.dispute.closed", opened);

        Assert.That(won.Response, Does.Contain("chargeback won"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        var payment = await OnlyPayment(debtor);
        Assert.That(payment.GetProperty("status").GetString(), Is.EqualTo("succeeded"));
        Assert.That(payment.Amount("unapplied"), Is.EqualTo(0m));
        Assert.That((await Stripe.RedeliverAsync(won.EventId)).Response, Does.Contain("\"duplicate\":true"), "a redelivery changes nothing");
        Assert.That(await ErpEvents(payment.GetProperty("id").GetString()!), Is.EqualTo(new[] { "payment.charged_back", "payment.chargeback_closed:won" }));
        Assert.That(await Purposes(debtor), Does.Not.Contain("payment_reversed"), "nothing changed for the debtor");
    }

    [Test]
    public async Task Chargeback_TheCreditorLoses_StaysReversed_AndSaysSo()
    {
        await SubscribeTheErp();
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var opened = Dispute(sessionId, amount: 10000, status: "needs_response");
        await Stripe.SendEventAsync("charge.dispute.created", opened);

        opened["status"] = "lost";
        await Stripe.SendEventAsync("charge.dispute.closed", opened);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));
        Assert.That((await OnlyPayment(debtor)).GetProperty("status").GetString(), Is.EqualTo("chargeback"));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtor}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.ToString(), Does.Contain("payment.chargeback_lost"));
        Assert.That(await ErpEvents((await OnlyPayment(debtor)).GetProperty("id").GetString()!), Is.EqualTo(new[] { "payment.charged_back", "payment.chargeback_closed:lost" }));
        var told = (await (await Staff.GetAsync($"/api/v1/debtors/{debtor}/communications")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "payment_reversed");
        // The debtor writes German: so does the notice.
        Assert.That(told.GetProperty("subject").GetString(), Is.EqualTo("Ihre Bank hat Ihre Zahlung über 100,00 € zurückgebucht"));
        Assert.That(told.GetProperty("bodyText").GetString(), Does.Contain("von Ihrer Bank an Sie zurückgebucht").And.Contain("Bitte zahlen Sie die offenen Rechnungen erneut"));
    }

    private async Task SubscribeTheErp()
    {
        var endpoints = await (await Admin.GetAsync("/api/v1/webhook-endpoints")).ShouldBe(HttpStatusCode.OK);
        if (endpoints.ToString().Contains("erp.example.com", StringComparison.Ordinal))
        {
            return;
        }

        await (await Admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "https://erp.example.com/hooks", events = new[] { "*" } })).ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>The chargeback events queued for the ERP about a payment, oldest first ("type" or "type:outcome").</summary>
    private async Task<string[]> ErpEvents(string paymentId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<DbSession>().QueryAsync<(string Type, string Payload)>(
            "SELECT type AS Type, payload_json AS Payload FROM webhooks_events ORDER BY created_at, id");
        return rows.Where(r => r.Type.StartsWith("payment.charge", StringComparison.Ordinal) && r.Payload.Contains(paymentId, StringComparison.Ordinal))
            .Select(r => r.Type + (System.Text.Json.JsonDocument.Parse(r.Payload).RootElement.GetProperty("data").TryGetProperty("outcome", out var o) ? ":" + o.GetString() : ""))
            .ToArray();
    }

    private async Task<List<string?>> Purposes(string debtor) =>
        (await (await Staff.GetAsync($"/api/v1/debtors/{debtor}/communications")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().Select(m => m.GetProperty("purpose").GetString()).ToList();

    [Test]
    public async Task Refund_InKronur_IsSentWithTwoDecimals_AndItsWebhookIsReadBackWhole()
    {
        var (debtor, invoice) = await DebtorWithInvoice(150_000m, "ISK");
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();

        await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40_000m, reason = "Returned goods" })).ShouldBe(HttpStatusCode.Created);
        await Stripe.WhenIdleAsync();

        var webhook = Stripe.Deliveries.Last(d => d.Type == "charge.refunded");
        Assert.That((long)JsonNode.Parse(webhook.Payload)!["data"]!["object"]!["amount_refunded"]!, Is.EqualTo(4_000_000));
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(40_000m), "the webhook's 4,000,000 is 40,000 kr, already recorded");
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(40_000m));
    }

    [Test]
    public async Task Refund_MadeInStripeDashboard_IsBookedOnceByItsId_FromWhicheverEventComesFirst()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();

        var first = await Stripe.RefundInDashboardAsync(sessionId, 2500);
        var second = await Stripe.RefundInDashboardAsync(sessionId, 1000);
        foreach (var delivered in Stripe.Deliveries.TakeLast(4).ToList())
        {
            await Stripe.RedeliverAsync(delivered.EventId);
        }

        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(35m), "two refunds, each booked once, though both events came twice");
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(35m));
        Assert.That(Stripe.Deliveries.First(d => d.Type == "charge.refunded" && d.Payload.Contains((string)second["id"]!, StringComparison.Ordinal)).Response, Does.Contain("already booked"));
        Assert.That(await Scalar<long>("SELECT COUNT(*) FROM payments_refunds WHERE payment_id = @Id AND stripe_refund_id IN (@First, @Second)",
            new { Id = paymentId, First = (string)first["id"]!, Second = (string)second["id"]! }), Is.EqualTo(2));
        Assert.That(Published.Of<PaymentRefunded>().Count(r => r.PaymentId == paymentId), Is.EqualTo(2));
    }

    [Test]
    public async Task ChargeRefunded_WithoutItsRefundsList_BooksNothingByAmount_TheRefundEventBooks()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var intent = (string)Stripe.Session(sessionId)!["payment_intent"]!;
        var charge = new JsonObject { ["id"] = "ch_dash", ["object"] = "charge", ["amount"] = 10000, ["amount_refunded"] = 2500, ["currency"] = "eur", ["payment_intent"] = intent, ["refunded"] = false };

        var cumulative = await Stripe.SendEventAsync("charge.refunded", charge);

        Assert.That(cumulative.Response, Does.Contain("lists no refunds"));
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(0m), "a cumulative amount is never booked");

        var pending = await Stripe.SendEventAsync("refund.created", RefundObject("re_dash_" + debtor, intent, 2500, "pending"));
        Assert.That(pending.Response, Does.Contain("nothing booked"));
        var succeeded = await Stripe.SendEventAsync("refund.updated", RefundObject("re_dash_" + debtor, intent, 2500, "succeeded"));
        await Stripe.SendEventAsync("refund.updated", RefundObject("re_dash_" + debtor, intent, 2500, "succeeded"));

        Assert.That(succeeded.Response, Does.Contain("recorded"));
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(25m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(25m));
    }

    [Test]
    public async Task RefundEvent_ForMoreThanIsLeft_BooksOnlyWhatIsLeft()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var intent = (string)Stripe.Session(sessionId)!["payment_intent"]!;
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString();
        await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 80m, reason = "Returned" })).ShouldBe(HttpStatusCode.Created);
        await Stripe.WhenIdleAsync();

        var over = await Stripe.SendEventAsync("refund.created", RefundObject("re_over_" + debtor, intent, 5000, "succeeded"));
        var again = await Stripe.SendEventAsync("refund.created", RefundObject("re_more_" + debtor, intent, 5000, "succeeded"));

        Assert.That(over.StatusCode, Is.EqualTo(200), over.Response);
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(100m), "never more than the payment");
        Assert.That(again.Response, Does.Contain("nothing of payment"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));
    }

    private static JsonObject RefundObject(string id, string intent, long amount, string status) => new()
    {
        ["id"] = id,
        ["object"] = "refund",
        ["amount"] = amount,
        ["currency"] = "eur",
        ["metadata"] = new JsonObject(),
        ["payment_intent"] = intent,
        ["status"] = status,
    };

    [Test]
    public async Task Chargeback_ReversesAllocationsOnceAndTellsStaff()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);

        var dispute = await Stripe.DisputeAsync(sessionId);
        await Stripe.RedeliverAsync(dispute.EventId);

        var payment = await OnlyPayment(debtor);
        Assert.That(payment.GetProperty("status").GetString(), Is.EqualTo("chargeback"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));
        Assert.That(Published.Of<ChargebackOpened>().Count(c => c.DebtorId == debtor), Is.EqualTo(1));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtor}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.ToString(), Does.Contain("payment.chargeback"));
        await (await Staff.PostKeyed($"/api/v1/payments/{payment.GetProperty("id").GetString()}/refunds", new { amount = 1m, reason = "x" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    private JsonObject Dispute(string sessionId, long amount, string status) => new()
    {
        ["id"] = $"dp_{Guid.NewGuid():N}",
        ["object"] = "dispute",
        ["amount"] = amount,
        ["currency"] = "eur",
        ["payment_intent"] = (string)Stripe.Session(sessionId)!["payment_intent"]!,
        ["reason"] = "product_not_received",
        ["status"] = status,
    };
}
