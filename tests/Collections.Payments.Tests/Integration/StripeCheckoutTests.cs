using System.Net;
using System.Text.Json;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Payments.Tests.Integration;

public sealed class StripeCheckoutTests(DatabaseProvider provider) : StripeFixture(provider)
{
    [Test]
    public async Task Checkout_WhenPaidOnHostedPage_SettlesInvoicesAndRedirectsToPortal()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (attempt, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        var session = Stripe.Session(sessionId)!;
        Assert.That((string?)session["metadata"]!["attempt_id"], Is.EqualTo(attempt));
        Assert.That((long)session["amount_total"]!, Is.EqualTo(10000));
        Assert.That(session["payment_method_types"]!.AsArray().Select(t => (string?)t), Is.EquivalentTo(new[] { "card", "sepa_debit" }));
        Assert.That(Published.Of<PaymentPending>().Any(p => p.AttemptId == attempt), Is.True);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        Assert.That(await browser.GetStringAsync($"{Stripe.ApiBase}/pay/{sessionId}"), Does.Contain("id=\"pay\""));
        var paid = await browser.PostAsync($"{Stripe.ApiBase}/pay/{sessionId}", new FormUrlEncodedContent([new("method", "card")]));

        Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(paid.Headers.Location!.ToString(), Is.EqualTo($"https://pay.example.test/portal/#/pay/success?attempt={attempt}"));
        Assert.That(Stripe.Deliveries.Last().StatusCode, Is.EqualTo(200));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        var payment = await OnlyPayment(debtor);
        Assert.That(payment.GetProperty("method").GetString(), Is.EqualTo("card"));
        var succeeded = Published.Of<PaymentSucceeded>().Single(p => p.DebtorId == debtor);
        Assert.That(succeeded.Allocations.Single().AmountMinor, Is.EqualTo(10000));
        Assert.That(succeeded.AttemptId, Is.EqualTo(attempt), "other modules end what they paused for this attempt");
    }

    [Test]
    public async Task Checkout_InKronur_ChargesTheWholeAmount_AndSettlesItExactly()
    {
        var (debtor, invoice) = await DebtorWithInvoice(150_000m, "ISK");
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        Assert.That((long)Stripe.Session(sessionId)!["amount_total"]!, Is.EqualTo(15_000_000), "Stripe takes ISK with two decimals, 00");
        await Stripe.CompleteAsync(sessionId);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That((await OnlyPayment(debtor)).Amount("amount"), Is.EqualTo(150_000m));
    }

    [Test]
    public async Task Checkout_OfAThreeDecimalAmountStripeCannotCharge_Is422_AndStartsNothing()
    {
        var (debtor, invoice) = await DebtorWithInvoice(12.345m, "KWD");

        var refused = await (await Staff.PostKeyed("/api/v1/payments/checkout", new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("0.010 KWD"));
        Assert.That(Published.Of<PaymentPending>().Any(p => p.DebtorId == debtor), Is.False, "no attempt was started");
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice, amount = 12.34m } } });
        Assert.That((long)Stripe.Session(sessionId)!["amount_total"]!, Is.EqualTo(12_340), "a part in Stripe's steps goes through");
    }

    [Test]
    public async Task Completion_ForAnotherAmountOrCurrencyThanAsked_IsNeverBookedAsPaid()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        var tampered = Stripe.Session(sessionId)!;
        tampered["status"] = "complete";
        tampered["payment_status"] = "paid";
        tampered["payment_intent"] = "pi_tampered";
        tampered["amount_total"] = 100L;

        var delivered = await Stripe.SendEventAsync("checkout.session.completed", tampered);

        Assert.That(delivered.StatusCode, Is.EqualTo(200), "Stripe is answered; the event is kept with its outcome");
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));
        Assert.That(Published.Of<PaymentSucceeded>().Any(p => p.DebtorId == debtor), Is.False);
    }

    [Test]
    public async Task Checkout_WithPartAmount_PaysOnlyThatPart()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice, amount = 30.5m } } });

        await Stripe.CompleteAsync(sessionId);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(69.5m));
        Assert.That((await OnlyPayment(debtor)).Amount("amount"), Is.EqualTo(30.5m));
    }

    [Test]
    public async Task Checkout_ForBalanceMinusDiscountInsideTheWindow_SettlesWithTheDiscount()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 1000m, "2026-02-25", "2026-03-27", terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2m, withinDays = 10 } });
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice, amount = 980m } } });

        await Stripe.CompleteAsync(sessionId);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        var payment = await OnlyPayment(debtor);
        Assert.That(payment.GetProperty("allocations")[0].Amount("discount"), Is.EqualTo(20m));
        Assert.That(payment.Amount("unapplied"), Is.EqualTo(0m));
    }

    [Test]
    public async Task Webhook_WhenEventRedelivered_IsA200NoOp()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice, amount = 40m } } });
        var first = await Stripe.CompleteAsync(sessionId);

        var again = await Stripe.RedeliverAsync(first.EventId);

        Assert.That(again.StatusCode, Is.EqualTo(200));
        Assert.That(JsonDocument.Parse(again.Response).RootElement.GetProperty("duplicate").GetBoolean(), Is.True);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(60m));
        await OnlyPayment(debtor);
    }

    [Test]
    public async Task Webhook_WhenSignatureIsWrongOrMissing_Is400AndNothingRecorded()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        var payload = JsonSerializer.Serialize(new { id = "evt_forged_" + Guid.NewGuid().ToString("N"), @object = "event", type = "checkout.session.completed", data = new { @object = Paid(Stripe.Session(sessionId)!, "pi_forged") } });

        await (await PostSigned(payload, Stripe.Sign(payload, secret: "whsec_wrong"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await PostSigned(payload, "")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await PostSigned(payload, Stripe.Sign(payload, at: App.Time.GetUtcNow().AddMinutes(-10)))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));

        var genuine = await (await PostSigned(payload, Stripe.Sign(payload))).ShouldBe(HttpStatusCode.OK);
        Assert.That(genuine.GetProperty("duplicate").GetBoolean(), Is.False, "the rejected deliveries recorded nothing");
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
    }

    [Test]
    public async Task Webhook_WhenEventHasAnotherApiVersion_IsAcceptedAndApplied()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        var delivered = await Stripe.SendEventAsync("checkout.session.completed", Paid(Stripe.Session(sessionId)!, "pi_old_version"), apiVersion: "2025-03-31.basil");

        Assert.That(delivered.StatusCode, Is.EqualTo(200), delivered.Response);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
    }

    [Test]
    public async Task Webhook_WhenSessionExpires_FailsAttemptAndLeavesBalance()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (attempt, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        var expired = await Stripe.ExpireAsync(sessionId);

        Assert.That(expired.StatusCode, Is.EqualTo(200));
        Assert.That(Published.Of<PaymentFailed>().Single(f => f.AttemptId == attempt).ItemIds, Is.EqualTo(new[] { invoice }));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));
    }

    [Test]
    public async Task Webhook_WhenExpiryArrivesAfterCompletion_KeepsThePayment()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (attempt, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        var openSnapshot = Stripe.Session(sessionId)!;
        await Stripe.CompleteAsync(sessionId);

        openSnapshot["status"] = "expired";
        await Stripe.SendEventAsync("checkout.session.expired", openSnapshot);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That(Published.Of<PaymentFailed>().Any(f => f.AttemptId == attempt), Is.False);
        await OnlyPayment(debtor);
    }

    [Test]
    public async Task BankDebit_WhenItClearsLater_IsPendingThenSucceeds()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        await Stripe.CompleteAsync(sessionId, bankDebit: true);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m), "nothing applied before the debit clears");

        await Stripe.SucceedAsyncPaymentAsync(sessionId);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That((await OnlyPayment(debtor)).GetProperty("method").GetString(), Is.EqualTo("bank_debit"));
    }

    [Test]
    public async Task BankDebit_WhenSuccessArrivesBeforeCompletion_EndsSucceededOnce()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        await Stripe.SendEventAsync("checkout.session.async_payment_succeeded", Paid(Stripe.Session(sessionId)!, "pi_early"));
        await Stripe.CompleteAsync(sessionId, bankDebit: true);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        await OnlyPayment(debtor);
    }

    [Test]
    public async Task BankDebit_WhenItFails_PublishesFailureAndAppliesNothing()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (attempt, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        await Stripe.CompleteAsync(sessionId, bankDebit: true);
        await Stripe.FailAsyncPaymentAsync(sessionId);

        Assert.That(Published.Of<PaymentFailed>().Any(f => f.AttemptId == attempt), Is.True);
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));
        var page = await (await Staff.GetAsync($"/api/v1/payments?debtorId={debtor}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(page.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Checkout_ForPlanInstallment_PublishesSuccessWithThePlan()
    {
        var (debtor, invoice) = await DebtorWithInvoice(300m);
        var planId = "pp_" + Guid.NewGuid().ToString("N")[..10];
        Installments[planId] = new InstallmentDueDto(planId, debtor, 1, new DateOnly(2026, 3, 15), 10000, "EUR", [invoice]);
        var (_, sessionId) = await Checkout(App.DebtorSession(debtor), new { paymentPlanId = planId });

        await Stripe.CompleteAsync(sessionId);

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(200m));
        Assert.That(Published.Of<PaymentSucceeded>().Single(p => p.DebtorId == debtor).PaymentPlanId, Is.EqualTo(planId));
    }

    [Test]
    public async Task Checkout_ByDebtorSession_OnlyForItsOwnInvoices()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (other, foreign) = await DebtorWithInvoice(100m);
        var session = App.DebtorSession(debtor);

        await Checkout(session, new { invoices = new[] { new { invoiceId = invoice } } });
        await (await session.PostKeyed("/api/v1/payments/checkout", new { invoices = new[] { new { invoiceId = foreign } } })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await session.PostKeyed("/api/v1/payments/checkout", new { debtorId = other, invoices = new[] { new { invoiceId = foreign } } })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Erp.PostKeyed("/api/v1/payments/checkout", new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Checkout_WhenAmountAboveCollectible_Is422AndNoSessionOpened()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var sessions = Stripe.Deliveries.Count;

        await (await Staff.PostKeyed("/api/v1/payments/checkout", new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice, amount = 100.01m } } })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await Staff.PostKeyed("/api/v1/payments/checkout", new { debtorId = debtor, invoices = Array.Empty<object>() })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.That(Stripe.Deliveries, Has.Count.EqualTo(sessions));
    }
}
