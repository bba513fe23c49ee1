using System.Net;
using System.Net.Http.Json;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.PaymentPlans.Tests.Integration;

public sealed class PlanLifecycleTests(DatabaseProvider provider) : PlansFixture(provider)
{
    [Test]
    public async Task Quote_WhenWithinPolicy_ShowsExactScheduleAutoApprovedAndWritesNothing()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(200.00m, 100.01m);
        using var debtor = App.DebtorSession(debtorId);

        var quote = await (await debtor.PostAsJsonAsync("/api/v1/payment-plans/quotes", Terms(invoices))).ShouldBe(HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(quote.GetProperty("autoApproved").GetBoolean(), Is.True);
            Assert.That(quote.GetProperty("total").GetProperty("amount").GetDecimal(), Is.EqualTo(300.01m));
            Assert.That(quote.GetProperty("installments").EnumerateArray().Select(i => i.GetProperty("amount").GetProperty("amount").GetDecimal()), Is.EqualTo(new[] { 100.00m, 100.00m, 100.01m }));
            Assert.That(quote.GetProperty("installments").EnumerateArray().Select(i => i.GetProperty("dueDate").GetString()), Is.EqualTo(new[] { "2026-03-10", "2026-04-10", "2026-05-10" }));
            Assert.That(quote.GetProperty("policyReasons").GetArrayLength(), Is.Zero);
        });
        var list = await (await debtor.GetAsync("/api/v1/payment-plans")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.Zero, "a quote writes nothing");
    }

    [Test]
    public async Task Quote_WhenOutsidePolicy_ListsEachReason()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(20_000.00m);
        using var debtor = App.DebtorSession(debtorId);

        var quote = await (await debtor.PostAsJsonAsync("/api/v1/payment-plans/quotes", Terms(invoices, count: 13, firstPaymentDate: "2026-05-01"))).ShouldBe(HttpStatusCode.OK);

        Assert.That(quote.GetProperty("autoApproved").GetBoolean(), Is.False);
        Assert.That(quote.GetProperty("policyReasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()),
            Is.EquivalentTo(new[] { "max_installments", "max_days_to_first_payment", "auto_approve_max_amount" }));
    }

    [Test]
    public async Task Create_WhenDebtorWithinPolicy_IsActiveAndInvoicesMarkedAndLogged()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        using var debtor = App.DebtorSession(debtorId);

        var plan = await CreatePlan(debtor, Terms(invoices));

        var id = plan.GetProperty("id").GetString()!;
        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(Statuses(plan), Is.EqualTo(new[] { "due", "due", "due" }));
        var invoice = await (await Staff.GetAsync($"/api/v1/invoices/{invoices[0]}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(invoice.GetProperty("paymentPlanId").GetString(), Is.EqualTo(id));
        var receivable = await App.Send(new GetReceivableQuery(invoices[0]));
        Assert.That(receivable!.InPaymentPlan, Is.True, "no late fees while planned");
        Assert.That(Published.Of<PaymentPlanActivated>(n => n.PaymentPlanId == id).Single().InstallmentCount, Is.EqualTo(3));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("type").GetString()), Does.Contain("payment_plan.activated"));
    }

    [Test]
    public async Task Create_WithDownPayment_DownPaymentIsFirstInstallment()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(1000.00m);
        using var debtor = App.DebtorSession(debtorId);

        var plan = await CreatePlan(debtor, Terms(invoices, count: 4, downPayment: new { amount = 100.00m, currency = "EUR" }));

        Assert.That(Amounts(plan, "amount"), Is.EqualTo(new[] { 100.00m, 300.00m, 300.00m, 300.00m }));
        Assert.That(plan.GetProperty("installments")[0].GetProperty("isDownPayment").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Create_WhenOutsidePolicy_IsProposedUntilStaffApproves()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(600.00m);
        using var debtor = App.DebtorSession(debtorId);

        var plan = await CreatePlan(debtor, Terms(invoices, count: 24, frequency: "weekly"));
        var id = plan.GetProperty("id").GetString()!;

        Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo(PaymentPlanStatuses.Proposed));
        Assert.That((await App.Send(new GetReceivableQuery(invoices[0])))!.InPaymentPlan, Is.False, "a proposal does not hold the invoices");
        await (await debtor.PostAsync($"/api/v1/payment-plans/{id}/approve", null)).ShouldBeProblem(HttpStatusCode.Forbidden);

        var approved = await (await Staff.PostAsync($"/api/v1/payment-plans/{id}/approve", null)).ShouldBe(HttpStatusCode.OK);

        Assert.That(approved.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That((await App.Send(new GetReceivableQuery(invoices[0])))!.InPaymentPlan, Is.True);
        await (await Staff.PostAsync($"/api/v1/payment-plans/{id}/approve", null)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Approve_WhenInvoiceBalanceChangedSinceProposal_Is409()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(600.00m);
        using var debtor = App.DebtorSession(debtorId);
        var id = (await CreatePlan(debtor, Terms(invoices, count: 24, frequency: "weekly"))).GetProperty("id").GetString();
        await App.Send(new IssueCreditNoteCommand(invoices[0], 1_00, "Goodwill"));

        await (await Staff.PostAsync($"/api/v1/payment-plans/{id}/approve", null)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Reject_WithoutReason_Is400_WithReason_IsRejected()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(600.00m);
        var id = (await CreatePlan(App.DebtorSession(debtorId), Terms(invoices, count: 24, frequency: "weekly"))).GetProperty("id").GetString();

        await (await Staff.PostAsJsonAsync($"/api/v1/payment-plans/{id}/reject", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var rejected = await (await Staff.PostAsJsonAsync($"/api/v1/payment-plans/{id}/reject", new { reason = "Too long for this amount" })).ShouldBe(HttpStatusCode.OK);

        Assert.That(rejected.GetProperty("status").GetString(), Is.EqualTo("rejected"));
        Assert.That(rejected.GetProperty("closeReason").GetString(), Is.EqualTo("Too long for this amount"));
    }

    [Test]
    public async Task Cancel_ByDebtor_OnlyWhileProposed()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(600.00m, 300.00m);
        using var debtor = App.DebtorSession(debtorId);
        var proposed = (await CreatePlan(debtor, Terms([invoices[0]], count: 24, frequency: "weekly"))).GetProperty("id").GetString();
        var active = (await CreatePlan(debtor, Terms([invoices[1]]))).GetProperty("id").GetString();

        var withdrawn = await (await debtor.PostAsJsonAsync($"/api/v1/payment-plans/{proposed}/cancel", new { })).ShouldBe(HttpStatusCode.OK);
        await (await debtor.PostAsJsonAsync($"/api/v1/payment-plans/{active}/cancel", new { })).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.That(withdrawn.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task Cancel_ByStaffWhenActive_ReleasesInvoicesAndPublishes()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        var id = (await CreatePlan(App.DebtorSession(debtorId), Terms(invoices))).GetProperty("id").GetString()!;

        var cancelled = await (await Staff.PostAsJsonAsync($"/api/v1/payment-plans/{id}/cancel", new { reason = "Customer asked to pay in full" })).ShouldBe(HttpStatusCode.OK);

        Assert.That(cancelled.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        Assert.That((await App.Send(new GetReceivableQuery(invoices[0])))!.InPaymentPlan, Is.False);
        Assert.That(Published.Of<PaymentPlanCancelled>(n => n.PaymentPlanId == id).Single().Reason, Is.EqualTo("Customer asked to pay in full"));
        await (await Staff.PostAsJsonAsync($"/api/v1/payment-plans/{id}/cancel", new { })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task DebtorSession_SeesOnlyItsOwnPlans()
    {
        var (mine, myInvoices) = await DebtorWithInvoices(300.00m);
        var (theirs, theirInvoices) = await DebtorWithInvoices(300.00m);
        using var me = App.DebtorSession(mine);
        var myPlan = (await CreatePlan(me, Terms(myInvoices))).GetProperty("id").GetString();
        var theirPlan = (await CreatePlan(App.DebtorSession(theirs), Terms(theirInvoices))).GetProperty("id").GetString();

        await (await me.GetAsync($"/api/v1/payment-plans/{theirPlan}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await me.PostAsJsonAsync($"/api/v1/payment-plans/{theirPlan}/cancel", new { })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await me.PostAsJsonAsync("/api/v1/payment-plans/quotes", Terms(theirInvoices))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await PostPlan(me, Terms(theirInvoices))).ShouldBeProblem(HttpStatusCode.NotFound);
        var list = await (await me.GetAsync("/api/v1/payment-plans")).ShouldBe(HttpStatusCode.OK);
        var other = await (await me.GetAsync($"/api/v1/payment-plans?debtorId={theirs}")).ShouldBe(HttpStatusCode.OK);

        Assert.That(list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()), Is.EqualTo(new[] { myPlan }));
        Assert.That(other.GetProperty("items").GetArrayLength(), Is.Zero);
        await (await me.GetAsync($"/api/v1/payment-plans/{myPlan}")).ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task List_FiltersByDebtorAndStatus_AndPagesWithCursor()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m, 600.00m, 300.00m);
        using var debtor = App.DebtorSession(debtorId);
        var active1 = (await CreatePlan(debtor, Terms([invoices[0]]))).GetProperty("id").GetString();
        var proposed = (await CreatePlan(debtor, Terms([invoices[1]], count: 24, frequency: "weekly"))).GetProperty("id").GetString();
        var active2 = (await CreatePlan(debtor, Terms([invoices[2]]))).GetProperty("id").GetString();

        var firstPage = await (await Staff.GetAsync($"/api/v1/payment-plans?debtorId={debtorId}&status=active&limit=1")).ShouldBe(HttpStatusCode.OK);
        var cursor = firstPage.GetProperty("nextCursor").GetString();
        var secondPage = await (await Staff.GetAsync($"/api/v1/payment-plans?debtorId={debtorId}&status=active&limit=1&cursor={cursor}")).ShouldBe(HttpStatusCode.OK);
        var proposals = await (await Staff.GetAsync($"/api/v1/payment-plans?debtorId={debtorId}&status=proposed")).ShouldBe(HttpStatusCode.OK);

        Assert.That(firstPage.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString(), Is.EqualTo(active1));
        Assert.That(secondPage.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString(), Is.EqualTo(active2));
        Assert.That(secondPage.GetProperty("nextCursor").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(proposals.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString(), Is.EqualTo(proposed));
        await (await Staff.GetAsync("/api/v1/payment-plans?status=paused")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Staff.GetAsync("/api/v1/payment-plans?limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WhenReplayedWithSameKey_CreatesOnePlan_OtherBodyIs422()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        using var debtor = App.DebtorSession(debtorId);
        var key = Guid.NewGuid().ToString();

        var first = await (await PostPlan(debtor, Terms(invoices), key)).ShouldBe(HttpStatusCode.Created);
        var again = await (await PostPlan(debtor, Terms(invoices), key)).ShouldBe(HttpStatusCode.Created);
        await (await PostPlan(debtor, Terms(invoices, count: 2), key)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That(again.GetProperty("id").GetString(), Is.EqualTo(first.GetProperty("id").GetString()));
        var list = await (await debtor.GetAsync("/api/v1/payment-plans")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Create_WithoutIdempotencyKey_Is400()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);

        await (await App.DebtorSession(debtorId).PostAsJsonAsync("/api/v1/payment-plans", Terms(invoices))).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Create_WhenInvoiceAlreadyInActiveOrProposedPlan_Is422()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m, 600.00m);
        using var debtor = App.DebtorSession(debtorId);
        await CreatePlan(debtor, Terms([invoices[0]]));
        await CreatePlan(debtor, Terms([invoices[1]], count: 24, frequency: "weekly"));

        await (await PostPlan(debtor, Terms([invoices[0]]))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await PostPlan(debtor, Terms([invoices[1]]))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Create_WhenTwoRequestsRaceForOneInvoice_OnlyOnePlanIsCreated()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        using var first = App.DebtorSession(debtorId);
        using var second = App.DebtorSession(debtorId);

        var responses = await Task.WhenAll(PostPlan(first, Terms(invoices)), PostPlan(second, Terms(invoices, count: 2)));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict), Is.EqualTo(1));
        Assert.That(await App.Send(new GetPlansQuery(debtorId)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_WhenInvoiceDisputed_Is422()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        await App.Send(new SetDisputedAmountCommand(invoices[0], 50_00, "dsp_test"));

        await (await PostPlan(App.DebtorSession(debtorId), Terms(invoices))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Create_WhenInvoicePaid_Is422()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        await Pay(debtorId, "pay_" + Guid.NewGuid().ToString("N"), (invoices[0], 300_00));

        await (await PostPlan(App.DebtorSession(debtorId), Terms(invoices))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [TestCase("2026-03-01", HttpStatusCode.UnprocessableEntity)]
    [TestCase("2027-03-03", HttpStatusCode.UnprocessableEntity)]
    [TestCase("2026-03-02", HttpStatusCode.Created)]
    public async Task Create_FirstPaymentDate_TodayUpToAYear(string firstPaymentDate, HttpStatusCode expected)
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);

        var response = await PostPlan(App.DebtorSession(debtorId), Terms(invoices, firstPaymentDate: firstPaymentDate));

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Create_WhenBadInput_Is400NotA500()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        using var debtor = App.DebtorSession(debtorId);

        await (await PostPlan(debtor, Terms(invoices, frequency: "daily"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await PostPlan(debtor, Terms(invoices, count: 0))).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await PostPlan(debtor, Terms([]))).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await PostPlan(debtor, Terms(invoices, count: 2, downPayment: new { amount = 10.001m, currency = "EUR" }))).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await PostPlan(debtor, new { invoiceIds = invoices, installmentCount = 3, frequency = "monthly" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await PostPlan(debtor, Terms(invoices, count: 2, downPayment: new { amount = 10m, currency = "USD" }))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await PostPlan(debtor, Terms(invoices, count: 2, downPayment: new { amount = 300m, currency = "EUR" }))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await (await PostPlan(debtor, Terms(invoices, count: 1, downPayment: new { amount = 30m, currency = "EUR" }))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Test]
    public async Task Create_ByErpKey_Is403()
    {
        var (_, invoices) = await DebtorWithInvoices(300.00m);

        await (await PostPlan(Erp, Terms(invoices))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ContractQueries_ReportActivePlansAndNextInstallment()
    {
        var (debtorId, invoices) = await DebtorWithInvoices(300.00m);
        var id = (await CreatePlan(App.DebtorSession(debtorId), Terms(invoices))).GetProperty("id").GetString()!;

        var active = await App.Send(new GetActivePlansQuery(debtorId));
        var all = await App.Send(new GetPlansQuery(debtorId));
        var next = await App.Send(new GetNextInstallmentQuery(id));

        Assert.That(active.Single().Id, Is.EqualTo(id));
        Assert.That(active.Single().NextDueDate, Is.EqualTo(new DateOnly(2026, 3, 10)));
        Assert.That(all.Single().TotalMinor, Is.EqualTo(300_00));
        Assert.That(next, Is.EqualTo(next! with { Number = 1, AmountMinor = 100_00, Currency = "EUR", DebtorId = debtorId }));
        Assert.That(next.InvoiceIds, Is.EqualTo(invoices));
        Assert.That(await App.Send(new GetNextInstallmentQuery("ppl_missing")), Is.Null);
    }
}
