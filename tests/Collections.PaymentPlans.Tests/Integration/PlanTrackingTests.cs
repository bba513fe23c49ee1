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
        var plan = await CreatePlan(DebtorSession(debtorId), Terms(invoices));
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
        var next = await Send(new GetNextInstallmentQuery(planId));

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

        await Publish(new PaymentSucceeded(paymentId, debtorId, 100_00, "EUR", PaymentMethods.Card, new DateOnly(2026, 3, 2), [new PaymentAllocationDto(invoices[0], 100_00, 0)], 0, planId, App.Time.GetUtcNow()));

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
        Assert.That((await Send(new GetReceivableQuery(invoices[0])))!.InPaymentPlan, Is.False, "invoices return to normal dunning and late fees");
        Assert.That(Published.Of<PaymentPlanDefaulted>(n => n.PaymentPlanId == planId).Single().InvoiceIds, Is.EqualTo(invoices));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Does.Contain("payment_plan.defaulted"));
    }

    [Test]
    public async Task Create_AfterRecentDefault_NeedsApproval()
    {
        var (debtorId, invoices, _) = await ActivePlan(300.00m, 200.00m);
        await Evaluate("2026-04-10");

        var next = await CreatePlan(DebtorSession(debtorId), Terms([invoices[1]]));

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
        Assert.That(await Send(new GetNextInstallmentQuery(planId)), Is.Null);
        Assert.That(await Send(new GetActivePlansQuery(debtorId)), Is.Empty);
    }

    [Test]
    public async Task Refund_TakesBackWhatThePaymentCounted()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        var paymentId = NewPaymentId();
        await Pay(debtorId, paymentId, (invoices[0], 150_00));

        await Publish(new PaymentRefunded("ref_1" + paymentId, paymentId, debtorId, 80_00, "EUR", "Duplicate", App.Time.GetUtcNow()));
        await Publish(new PaymentRefunded("ref_1" + paymentId, paymentId, debtorId, 80_00, "EUR", "Duplicate", App.Time.GetUtcNow()));
        var plan = await GetPlan(planId);

        Assert.That(Amounts(plan, "paidAmount"), Is.EqualTo(new[] { 70.00m, 0m, 0m }));
        Assert.That(Statuses(plan), Is.EqualTo(new[] { "due", "due", "due" }));
    }

    [Test]
    public async Task Chargeback_AfterCompletion_ReopensPlan()
    {
        var (debtorId, invoices, planId) = await ActivePlan();
        var paymentId = NewPaymentId();
        await Pay(debtorId, paymentId, (invoices[0], 300_00));
        Assert.That((await GetPlan(planId)).GetProperty("status").GetString(), Is.EqualTo("completed"));

        await Send(new ReverseAllocationCommand(invoices[0], 300_00, "EUR", "payment", paymentId, "Chargeback"));
        await Publish(new ChargebackOpened(paymentId, debtorId, 300_00, "EUR", "fraudulent", App.Time.GetUtcNow()));
        var plan = await GetPlan(planId);

        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(plan.GetProperty("paid").GetProperty("amount").GetDecimal(), Is.Zero);
        Assert.That((await Send(new GetReceivableQuery(invoices[0])))!.InPaymentPlan, Is.True);
    }

    [Test]
    public async Task Evaluation_ByDebtorSession_Is403_BadDate_Is400()
    {
        var (debtorId, _) = await DebtorWithInvoices(10.00m);

        await (await DebtorSession(debtorId).PostAsJsonAsync("/api/v1/payment-plans/evaluations", new { asOf = "2026-03-20" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await Staff.PostAsJsonAsync("/api/v1/payment-plans/evaluations", new { asOf = "not-a-date" })).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task CreditNote_OnPlannedInvoice_ShrinksLastInstallments()
    {
        var (_, invoices, planId) = await ActivePlan();

        await Send(new IssueCreditNoteCommand(invoices[0], 150_00, "Returned goods"));
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

        await Send(new WriteOffItemCommand(invoices[0], "Settled by agreement"));
        var plan = await GetPlan(planId);

        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(Amounts(plan, "amount"), Is.EqualTo(new[] { 100.00m }));
    }
}
