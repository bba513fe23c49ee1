using System.Net;
using System.Net.Http.Json;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.PaymentPlans.Tests.Integration;

/// <summary>Plans of 300.00 in three monthly installments of 100.00 due 10 March, 10 April and 10 May 2026 (grace 5 days, default 30).</summary>
public sealed class PlanTrackingTests(DatabaseProvider provider) : PlansFixture(provider)
{
    private async Task<(string DebtorId, string[] Invoices, string PlanId)> ActivePlan(params decimal[] totals)
    {
        var (debtorId, invoices) = await DebtorWithInvoices(totals.Length == 0 ? [300.00m] : totals);
        var plan = await CreatePlan(App.DebtorSession(debtorId), Terms(invoices));
        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("active"));
        return (debtorId, invoices, plan.GetProperty("id").GetString()!);
    }

    private static string NewPaymentId() => "pay_" + Guid.NewGuid().ToString("N");

    [Test]
    public async Task Payment_OnTime_PaysFirstInstallmentAndStaysActive()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        await Pay(debtorId, NewPaymentId(), (invoices[0], 100_00));

        await Evaluate("2026-03-20");
        var plan = await GetPlan(planId);

        Assert.That(Statuses(plan), Is.EqualTo(new[] { "paid", "due", "due" }));
        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(plan.GetProperty("atRisk").GetBoolean(), Is.False);
        Assert.That(plan.GetProperty("paid").GetProperty("amount").GetDecimal(), Is.EqualTo(100.00m));
    }

    [Test]
    public async Task Payment_WhenPartial_CountsTowardFirstInstallment()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        await Pay(debtorId, NewPaymentId(), (invoices[0], 40_00));

        var plan = await GetPlan(planId);
        var next = await App.Send(new GetNextInstallmentQuery(planId));

        Assert.That(Amounts(plan, "paidAmount"), Is.EqualTo(new[] { 40.00m, 0m, 0m }));
        Assert.That(next!.Number, Is.EqualTo(1));
        Assert.That(next.AmountMinor, Is.EqualTo(60_00));
    }

    [Test]
    public async Task Payment_WhenOverpayingOne_PaysAhead()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        await Pay(debtorId, NewPaymentId(), (invoices[0], 150_00));

        var plan = await GetPlan(planId);

        Assert.That(Amounts(plan, "paidAmount"), Is.EqualTo(new[] { 100.00m, 50.00m, 0m }));
        Assert.That(Statuses(plan), Is.EqualTo(new[] { "paid", "due", "due" }));
    }

    [Test]
    public async Task Payment_WhenNotificationReplayed_CountsOnce()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        var paymentId = NewPaymentId();
        await Pay(debtorId, paymentId, (invoices[0], 100_00));

        await App.Publish(new PaymentSucceeded(paymentId, debtorId, 100_00, "EUR", PaymentMethods.Card, new DateOnly(2026, 3, 2), [new PaymentAllocationDto(invoices[0], 100_00, 0)], 0, planId, App.Time.GetUtcNow()));

        Assert.That((await GetPlan(planId)).GetProperty("paid").GetProperty("amount").GetDecimal(), Is.EqualTo(100.00m));
    }

    [Test]
    public async Task Payment_ToInvoiceOutsideThePlan_DoesNotCount()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        var (_, otherInvoices) = await DebtorWithInvoices(50.00m);
        await Pay(debtorId, NewPaymentId(), (otherInvoices[0], 50_00));

        Assert.That((await GetPlan(planId)).GetProperty("paid").GetProperty("amount").GetDecimal(), Is.Zero);
        Assert.That(invoices, Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Evaluation_LateThenPaid_NotifiesOnceAndRecovers()
    {
        var (debtorId, invoices, planId) = await ActivePlan();

        await Evaluate("2026-03-15");
        Assert.That(Statuses(await GetPlan(planId)), Is.EqualTo(new[] { "due", "due", "due" }), "still within the grace days");

        await Evaluate("2026-03-16");
        await Evaluate("2026-03-17");
        var late = await GetPlan(planId);
        Assert.That(Statuses(late), Is.EqualTo(new[] { "late", "due", "due" }));
        Assert.That(late.GetProperty("atRisk").GetBoolean(), Is.True);
        var notified = Published.Of<PaymentPlanInstallmentLate>(n => n.PaymentPlanId == planId).Single();
        Assert.That((notified.Number, notified.OutstandingMinor, notified.DebtorId), Is.EqualTo((1, 100_00L, debtorId)));

        await Pay(debtorId, NewPaymentId(), (invoices[0], 100_00));
        await Evaluate("2026-04-01");
        var recovered = await GetPlan(planId);

        Assert.That(Statuses(recovered), Is.EqualTo(new[] { "paid", "due", "due" }));
        Assert.That(recovered.GetProperty("atRisk").GetBoolean(), Is.False);
        Assert.That(recovered.GetProperty("status").GetString(), Is.EqualTo("active"));
    }

    [Test]
    public async Task Evaluation_WhenUnpaidPastDefaultDays_DefaultsAndReleasesInvoices()
    {
        var (debtorId, invoices, planId) = await ActivePlan();

        await Evaluate("2026-04-09");
        Assert.That((await GetPlan(planId)).GetProperty("status").GetString(), Is.EqualTo("active"), "30 days after the due date is still grace");
        await Evaluate("2026-04-10");
        var plan = await GetPlan(planId);

        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo(PaymentPlanStatuses.Defaulted));
        Assert.That(Statuses(plan)[0], Is.EqualTo("missed"));
        Assert.That((await App.Send(new GetReceivableQuery(invoices[0])))!.InPaymentPlan, Is.False, "invoices return to normal dunning and late fees");
        Assert.That(Published.Of<PaymentPlanDefaulted>(n => n.PaymentPlanId == planId).Single().InvoiceIds, Is.EqualTo(invoices));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Does.Contain("payment_plan.defaulted"));
    }

    [Test]
    public async Task Create_AfterRecentDefault_NeedsApproval()
    {
        var (debtorId, invoices, _) = await ActivePlan(300.00m, 200.00m);
        await Evaluate("2026-04-10");

        var next = await CreatePlan(App.DebtorSession(debtorId), Terms([invoices[1]]));

        Assert.That(next.GetProperty("status").GetString(), Is.EqualTo("proposed"));
        Assert.That(next.GetProperty("policyReasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()), Is.EqualTo(new[] { "recent_default" }));
    }

    [Test]
    public async Task Payment_EarlyPayOff_CompletesPlanAndPublishes()
    {
        var (debtorId, invoices, planId) = await ActivePlan(200.00m, 100.00m);

        await Pay(debtorId, NewPaymentId(), (invoices[0], 200_00), (invoices[1], 100_00));
        var plan = await GetPlan(planId);

        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo(PaymentPlanStatuses.Completed));
        Assert.That(Statuses(plan), Is.All.EqualTo("paid"));
        Assert.That(Published.Of<PaymentPlanCompleted>(n => n.PaymentPlanId == planId), Has.Count.EqualTo(1));
        Assert.That(await App.Send(new GetNextInstallmentQuery(planId)), Is.Null);
        Assert.That(await App.Send(new GetActivePlansQuery(debtorId)), Is.Empty);
    }

    [Test]
    public async Task Reversal_TakesBackWhatThePaymentCounted()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        var paymentId = NewPaymentId();
        await Pay(debtorId, paymentId, (invoices[0], 150_00));

        await App.Send(new ReverseAllocationCommand(invoices[0], 80_00, "EUR", "payment", paymentId, "Refund: duplicate"));
        var plan = await GetPlan(planId);

        Assert.That(Amounts(plan, "paidAmount"), Is.EqualTo(new[] { 70.00m, 0m, 0m }));
        Assert.That(Statuses(plan), Is.EqualTo(new[] { "due", "due", "due" }));
    }

    [Test]
    public async Task Reversal_OfPaymentMadeBeforeThePlan_LeavesInstallmentsPaid()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(400.00m);
        var before = NewPaymentId();
        await Pay(debtorId, before, (invoices[0], 100_00));
        var planId = (await CreatePlan(App.DebtorSession(debtorId), Terms(invoices))).GetProperty("id").GetString()!;
        await Pay(debtorId, NewPaymentId(), (invoices[0], 100_00));

        await App.Send(new ReverseAllocationCommand(invoices[0], 100_00, "EUR", "payment", before, "Chargeback"));
        var plan = await GetPlan(planId);

        Assert.That(plan.GetProperty("total").GetProperty("amount").GetDecimal(), Is.EqualTo(300.00m));
        Assert.That(Amounts(plan, "paidAmount"), Is.EqualTo(new[] { 100.00m, 0m, 0m }));
    }

    [Test]
    public async Task Chargeback_AfterCompletion_ReopensPlan()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        var paymentId = NewPaymentId();
        await Pay(debtorId, paymentId, (invoices[0], 300_00));
        Assert.That((await GetPlan(planId)).GetProperty("status").GetString(), Is.EqualTo("completed"));

        await App.Send(new ReverseAllocationCommand(invoices[0], 300_00, "EUR", "payment", paymentId, "Chargeback"));
        await App.Publish(new ChargebackOpened(paymentId, debtorId, 300_00, "EUR", "fraudulent", App.Time.GetUtcNow()));
        var plan = await GetPlan(planId);

        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(plan.GetProperty("paid").GetProperty("amount").GetDecimal(), Is.Zero);
        Assert.That((await App.Send(new GetReceivableQuery(invoices[0])))!.InPaymentPlan, Is.True);
    }

    [Test]
    public async Task Evaluation_ByDebtorSession_Is403_BadDate_Is400()
    {
        var (debtorId, _) = await DebtorWithInvoices(10.00m);

        await (await App.DebtorSession(debtorId).PostAsJsonAsync("/api/v1/payment-plans/evaluations", new { asOf = "2026-03-20" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Staff.PostAsJsonAsync("/api/v1/payment-plans/evaluations", new { asOf = "not-a-date" })).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task CreditNote_OnPlannedInvoice_ShrinksLastInstallments()
    {
        var (_, invoices, planId) = await ActivePlan();

        await App.Send(new IssueCreditNoteCommand(invoices[0], 150_00, "Returned goods"));
        var plan = await GetPlan(planId);

        Assert.That(Amounts(plan, "amount"), Is.EqualTo(new[] { 100.00m, 50.00m }));
        Assert.That(plan.GetProperty("total").GetProperty("amount").GetDecimal(), Is.EqualTo(150.00m));
        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("active"));
    }

    [Test]
    public async Task WriteOff_OfTheRest_CompletesPlan()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        await Pay(debtorId, NewPaymentId(), (invoices[0], 100_00));

        await App.Send(new WriteOffItemCommand(invoices[0], "Settled by agreement"));
        var plan = await GetPlan(planId);

        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(Amounts(plan, "amount"), Is.EqualTo(new[] { 100.00m }));
    }

    [Test]
    public async Task PaymentsApi_RecordedTransferAndRefund_MoveThePlan()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        var record = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments")
        {
            Content = JsonContent.Create(new { debtorId, amount = 120.00m, currency = "EUR", method = "bank_transfer", reference = "Plan 1", receivedAt = "2026-03-02", allocations = new[] { new { invoiceId = invoices[0], amount = 120.00m } } }),
        };
        record.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var payment = await (await Erp.SendAsync(record)).ShouldBe(HttpStatusCode.Created);
        Assert.That(Amounts(await GetPlan(planId), "paidAmount"), Is.EqualTo(new[] { 100.00m, 20.00m, 0m }));

        var refund = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/{payment.GetProperty("id").GetString()}/refunds")
        {
            Content = JsonContent.Create(new { amount = 30.00m, reason = "Paid twice" }),
        };
        refund.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var refunded = await Staff.SendAsync(refund);
        Assert.That(refunded.IsSuccessStatusCode, Is.True, await refunded.Content.ReadAsStringAsync());

        Assert.That(Amounts(await GetPlan(planId), "paidAmount"), Is.EqualTo(new[] { 90.00m, 0m, 0m }));
    }

    [Test]
    public async Task PaymentsApi_AccountCreditAppliedToPlannedInvoice_PaysInstallments()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        var record = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments")
        {
            Content = JsonContent.Create(new { debtorId, amount = 500.00m, currency = "EUR", method = "bank_transfer", reference = "Lump sum", receivedAt = "2026-03-02", allocations = new[] { new { invoiceId = invoices[0], amount = 10.00m } } }),
        };
        record.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await Erp.SendAsync(record)).ShouldBe(HttpStatusCode.Created);

        var apply = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/debtors/{debtorId}/credit/apply")
        {
            Content = JsonContent.Create(new { currency = "EUR", allocations = new[] { new { invoiceId = invoices[0], amount = 100.00m } } }),
        };
        apply.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var applied = await Staff.SendAsync(apply);
        Assert.That(applied.IsSuccessStatusCode, Is.True, await applied.Content.ReadAsStringAsync());

        Assert.That(Amounts(await GetPlan(planId), "paidAmount"), Is.EqualTo(new[] { 100.00m, 10.00m, 0m }));
    }
}
