using System.Net;
using System.Net.Http.Json;
using Collections.Disputes.Contracts;
using Collections.Invoicing.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

public sealed class PauseTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [Test]
    public async Task Run_WhenInvoiceIsDisputedInPart_ChasesOnlyTheUndisputedRestAndSaysSo()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-8), 1000.00m, number: "D-1");
        await App.Send(new SetDisputedAmountCommand(invoice, 400_00, "dsp_test"));

        await Run();

        var text = (await Communications(debtorId)).EnumerateArray().Single().GetProperty("bodyText").GetString()!;
        Assert.That(text, Does.Contain("€400.00 of invoice D-1 is under review in your dispute; we ask only for the undisputed €600.00"));
        Assert.That(text, Does.Contain("Total now due: €600.00"));
    }

    [Test]
    public async Task Run_WhenADisputedInvoiceIsInAnotherCurrency_NamesEachAmountInItsOwnCurrency()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-8), 1000.00m, number: "EUR-1");
        var dollars = await CreateInvoice(ext, Today.AddDays(-8), 500.00m, number: "USD-1", currency: "USD");
        await App.Send(new SetDisputedAmountCommand(dollars, 200_00, "dsp_usd"));

        await Run();

        var text = (await Communications(debtorId)).EnumerateArray().Single().GetProperty("bodyText").GetString()!;
        Assert.That(text, Does.Contain("USD 200.00 of invoice USD-1 is under review in your dispute; we ask only for the undisputed USD 300.00"));
        Assert.That(text, Does.Contain("€1,000.00 and USD 300.00").Or.Contain("USD 300.00 and €1,000.00"));
    }

    [Test]
    public async Task Run_WhenWhollyDisputed_PausesAndAfterResolutionStartsAtTheFirstRungWithAFollowUpCall()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 500.00m);
        await App.Send(new SetDisputedAmountCommand(invoice, 500_00, "dsp_full"));

        var during = await Run();
        AdvanceTo(App.Time.GetUtcNow().AddDays(8));
        await App.Send(new SetDisputedAmountCommand(invoice, 0, "dsp_full"));
        await App.PublishInTransaction(new DisputeResolved("dsp_full", debtorId, invoice, "rejected", 0, "EUR", App.Time.GetUtcNow()));
        var after = await Run();

        Assert.That(Of(during, "paused", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("dispute"));
        Assert.That(Of(during, "messages", debtorId), Is.Empty);
        var step = Of(after, "steps", debtorId).Single();
        Assert.That(step.GetProperty("step").GetString(), Is.EqualTo("notice"), "never contacted, so the first contact is the courteous notice");
        Assert.That(step.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "pre_due" }));
        var worklist = await (await Staff.GetAsync("/api/v1/worklist?limit=500")).ShouldBe(HttpStatusCode.OK);
        Assert.That(worklist.EnumerateArray().Any(w => w.GetProperty("task").GetProperty("kind").GetString() == "follow_up" && w.GetProperty("task").GetProperty("debtorId").GetString() == debtorId));
    }

    [Test]
    public async Task Run_WhenPlanIsActive_PausesAndWhenItDefaults_GoesStraightToTheNextFirmStep()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2));
        await App.Send(new SetPaymentPlanCommand([invoice], "plan_test"));

        var during = await Run();
        await App.Send(new SetPaymentPlanCommand([invoice], null));
        await App.PublishInTransaction(new PaymentPlanDefaulted("plan_test", debtorId, [invoice], App.Time.GetUtcNow()));
        var after = await Run();
        var again = await Run();

        Assert.That(Of(during, "paused", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("payment_plan"));
        Assert.That(Of(after, "steps", debtorId).Single().GetProperty("step").GetString(), Is.EqualTo("firm"), "not the friendly notice that was due by date");
        Assert.That(Of(after, "messages", debtorId).Single().GetProperty("tone").GetString(), Is.EqualTo("firm"));
        Assert.That(Of(again, "steps", debtorId), Is.Empty, "the jump happens once");
    }

    [Test]
    public async Task Promise_WhenPaidInTime_IsKeptAndPausedDunningMeanwhile()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2));
        var promise = await MakePromise(debtorId, 1190.00m, Today.AddDays(5), invoice);

        var during = await Run();
        await App.PublishInTransaction(new PaymentSucceeded("pay_1", debtorId, 1190_00, "EUR", PaymentMethods.BankTransfer, Today, [new PaymentAllocationDto(invoice, 1190_00, 0)], 0, null, App.Time.GetUtcNow()));

        Assert.That(Of(during, "paused", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("promise"));
        var list = await (await Staff.GetAsync($"/api/v1/promises?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list[0].GetProperty("id").GetString(), Is.EqualTo(promise));
        Assert.That(list[0].GetProperty("status").GetString(), Is.EqualTo("kept"));
        Assert.That(list[0].GetProperty("paid").GetProperty("amount").GetDecimal(), Is.EqualTo(1190.00m));
    }

    [Test]
    public async Task Promise_WhenNotPaidByTheEndOfGrace_IsBrokenAndTheNextFirmStepFollows()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2));
        await MakePromise(debtorId, 1190.00m, Today.AddDays(1), invoice);
        await App.PublishInTransaction(new PaymentSucceeded("pay_part", debtorId, 190_00, "EUR", PaymentMethods.BankTransfer, Today, [], 190_00, null, App.Time.GetUtcNow()));

        var live = await Run();
        AdvanceTo(App.Time.GetUtcNow().AddDays(3));
        var stillLive = await Run();
        AdvanceTo(App.Time.GetUtcNow().AddDays(2));
        var broken = await Run();

        Assert.That(Of(live, "paused", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("promise"));
        Assert.That(Of(stillLive, "paused", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("promise"), "within the grace days");
        Assert.That(Of(broken, "steps", debtorId).Single().GetProperty("step").GetString(), Is.EqualTo("firm"));
        var list = await (await Staff.GetAsync($"/api/v1/promises?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list[0].GetProperty("status").GetString(), Is.EqualTo("broken"));
        Assert.That(list[0].GetProperty("paid").GetProperty("amount").GetDecimal(), Is.EqualTo(190.00m));
    }

    [Test]
    public async Task Run_WhenABankDebitIsInFlight_PausesItsItemsUntilItFails()
    {
        var (debtorId, ext) = await CreateDebtor();
        var covered = await CreateInvoice(ext, Today.AddDays(-2));
        var other = await CreateInvoice(ext, Today.AddDays(-2));
        await App.PublishInTransaction(new PaymentPending("att_1" + debtorId, debtorId, 1190_00, "EUR", PaymentMethods.BankDebit, [covered], App.Time.GetUtcNow()));

        var during = await Run();
        await App.PublishInTransaction(new PaymentFailed("att_1" + debtorId, debtorId, 1190_00, "EUR", "insufficient funds", [covered], App.Time.GetUtcNow()));
        var sameDay = await Run();
        var afterTheGap = await Run(Today.AddDays(3));

        Assert.That(Of(during, "paused", debtorId).Select(p => p.GetProperty("invoiceId").GetString()), Is.EqualTo(new[] { covered }));
        Assert.That(Of(during, "steps", debtorId).Select(s => s.GetProperty("invoiceId").GetString()), Is.EqualTo(new[] { other }));
        Assert.That(Of(sameDay, "paused", debtorId).Select(p => p.GetProperty("reason").GetString()), Is.EqualTo(new[] { "reminder_gap" }),
            "the debtor had a reminder today; the covered invoice joins the next one");
        Assert.That(Of(afterTheGap, "steps", debtorId).Select(s => s.GetProperty("invoiceId").GetString()), Is.EqualTo(new[] { covered }));
    }

    [Test]
    public async Task Run_WhenABankDebitIsInFlight_StaysPausedUntilThatAttemptSucceeds_NotAnotherPaymentOfTheSameAmount()
    {
        var (debtorId, ext) = await CreateDebtor();
        var covered = await CreateInvoice(ext, Today.AddDays(-2));
        var attempt = "att_2" + debtorId;
        await App.PublishInTransaction(new PaymentPending(attempt, debtorId, 1190_00, "EUR", PaymentMethods.BankDebit, [covered], App.Time.GetUtcNow()));

        await App.PublishInTransaction(new PaymentSucceeded("pay_wire", debtorId, 1190_00, "EUR", "wire", Today, [], 1190_00, null, App.Time.GetUtcNow()));
        var afterWire = await Run(dryRun: true);
        await App.PublishInTransaction(new PaymentSucceeded("pay_debit", debtorId, 1190_00, "EUR", PaymentMethods.BankDebit, Today, [], 1190_00, null, App.Time.GetUtcNow(), attempt));
        var afterDebit = await Run(dryRun: true);

        Assert.That(Of(afterWire, "paused", debtorId).Select(p => p.GetProperty("invoiceId").GetString()), Is.EqualTo(new[] { covered }),
            "a wire of the same amount is not the debit in flight");
        Assert.That(Of(afterDebit, "paused", debtorId), Is.Empty);
    }

    [Test]
    public async Task Run_WhenDebtorIsOnHoldOrDoNotContact_SendsNothingUntilLifted()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(-2));
        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{debtorId}/collection-hold", new { doNotContact = false, holdUntil = Today.AddDays(3).ToString("yyyy-MM-dd"), reason = "Restructuring talks" })).ShouldBe(HttpStatusCode.OK);

        var held = await Run();
        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{debtorId}/collection-hold", new { doNotContact = true, reason = "Insolvency lawyer asked us to write only to him" })).ShouldBe(HttpStatusCode.OK);
        AdvanceTo(App.Time.GetUtcNow().AddDays(5));
        var dnc = await Run();
        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{debtorId}/collection-hold", new { doNotContact = false })).ShouldBe(HttpStatusCode.OK);
        var lifted = await Run();

        Assert.That(Of(held, "paused", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("hold"));
        Assert.That(Of(dnc, "paused", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("do_not_contact"));
        Assert.That(Of(lifted, "steps", debtorId).Single().GetProperty("step").GetString(), Is.EqualTo("notice"), "the first contact after the hold is still the first rung");
        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{debtorId}/collection-hold", new { doNotContact = true })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Staff.PutAsJsonAsync("/api/v1/debtors/deb_missing/collection-hold", new { doNotContact = false })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Promise_WhenInputIsBad_IsRejectedWithProblemDetails_AndNothingIsWritten()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 500.00m);
        var other = await CreateInvoice(ext, Today.AddDays(-2), 300.00m);
        await App.Send(new SetDisputedAmountCommand(other, 100_00, "dsp_part"));
        var paid = await CreateInvoice(ext, Today.AddDays(-2), 50.00m);
        await Pay(debtorId, (paid, 50.00m));
        object Body(decimal amount, string currency = "EUR", int days = 2, string[]? invoices = null) =>
            new { debtorId, amount = new { amount, currency }, promisedDate = Today.AddDays(days).ToString("yyyy-MM-dd"), invoiceIds = invoices ?? [invoice] };

        await Promise(Body(10.001m)).ShouldBeProblem(HttpStatusCode.BadRequest);
        await Promise(new { debtorId, amount = new { amount = 10m, currency = "EUR" }, promisedDate = Today.AddDays(2).ToString("yyyy-MM-dd") }).ShouldBeProblem(HttpStatusCode.BadRequest);
        await Promise(Body(10m), idempotencyKey: null).ShouldBeProblem(HttpStatusCode.BadRequest);
        await Promise(Body(10m, days: -1)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await Promise(Body(10m, days: 31)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await Promise(Body(10m, "USD")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        var notOpen = await Promise(Body(10m, invoices: [paid])).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        var above = await Promise(Body(700.01m, invoices: [invoice, other])).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await Promise(new { debtorId = "deb_nobody", amount = new { amount = 10m, currency = "EUR" }, promisedDate = Today.AddDays(2).ToString("yyyy-MM-dd"), invoiceIds = new[] { invoice } })
            .ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.That((await Erp.PostAsJsonAsync("/api/v1/promises", new { debtorId })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        Assert.That(above.GetProperty("detail").GetString(), Does.Contain("700.00 EUR"), "500 open + 300 less 100 disputed");
        Assert.That(notOpen.GetProperty("detail").GetString(), Does.Contain(paid), "a paid invoice is no longer open");
        var list = await (await Staff.GetAsync($"/api/v1/promises?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Promise_ForAnInvoiceAlreadyPromised_Is422_AndTheSameKeyTwiceMakesOnePromise()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 500.00m);
        var lastAllowedDay = Today.AddDays(30);
        var body = new { debtorId, amount = new { amount = 500.00m, currency = "EUR" }, promisedDate = lastAllowedDay.ToString("yyyy-MM-dd"), invoiceIds = new[] { invoice } };

        var first = await Promise(body, "same-key-1").ShouldBe(HttpStatusCode.Created);
        var replay = await Promise(body, "same-key-1").ShouldBe(HttpStatusCode.Created);
        var second = await Promise(body).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That(replay.GetProperty("id").GetString(), Is.EqualTo(first.GetProperty("id").GetString()));
        Assert.That(second.GetProperty("detail").GetString(), Does.Contain("already have a promise"));
        var list = await (await Staff.GetAsync($"/api/v1/promises?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Promise_OfPartOfTheAmount_PausesOnlyThatPart_AndTheReminderAsksForTheRest()
    {
        var (debtorId, ext) = await CreateDebtor();
        var older = await CreateInvoice(ext, Today.AddDays(-3), 200.00m, number: "PP-1");
        var newer = await CreateInvoice(ext, Today.AddDays(-2), 500.00m, number: "PP-2");
        var promisedBy = Today.AddDays(10);
        await MakePromise(debtorId, 300.00m, promisedBy, older, newer);

        var run = await Run();

        Assert.That(Of(run, "paused", debtorId).Select(p => (p.GetProperty("invoiceId").GetString(), p.GetProperty("reason").GetString())), Is.EqualTo(new[] { (older, "promise") }),
            "300 covers the older 200 wholly, oldest first");
        var message = Of(run, "messages", debtorId).Single();
        Assert.That(Ids(message), Is.EqualTo(new[] { newer }));
        var text = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "reminder").GetProperty("bodyText").GetString()!;
        Assert.That(text, Does.Contain($"€100.00 of invoice PP-2 is covered by your promise to pay by {promisedBy:d MMMM yyyy}; we ask only for the remaining €400.00."));
        Assert.That(text, Does.Contain("Total now due: €400.00"));
    }

    [Test]
    public async Task Promise_PartPaidOntoItsInvoices_PausesOnlyWhatIsStillPromised()
    {
        var (debtorId, ext) = await CreateDebtor();
        var older = await CreateInvoice(ext, Today.AddDays(-3), 200.00m, number: "PA-1");
        var newer = await CreateInvoice(ext, Today.AddDays(-2), 500.00m, number: "PA-2");
        var promisedBy = Today.AddDays(10);
        await MakePromise(debtorId, 300.00m, promisedBy, older, newer);
        await Pay(debtorId, (older, 200.00m));

        var run = await Run();

        Assert.That(Of(run, "paused", debtorId), Is.Empty, "100 of the 300 is still promised, less than the 500 open on PA-2");
        var text = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "reminder").GetProperty("bodyText").GetString()!;
        Assert.That(text, Does.Contain($"€100.00 of invoice PA-2 is covered by your promise to pay by {promisedBy:d MMMM yyyy}; we ask only for the remaining €400.00."));
        var list = await (await Staff.GetAsync($"/api/v1/promises?debtorId={debtorId}")).ShouldBe(HttpStatusCode.OK);
        Assert.That(list[0].GetProperty("status").GetString(), Is.EqualTo("live"));
        Assert.That(list[0].GetProperty("paid").GetProperty("amount").GetDecimal(), Is.EqualTo(200.00m));
    }

    [Test]
    public async Task Promise_TheThirdIn90DaysForAnInvoice_IsReferredToACollector_AndPausesNothing()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 500.00m);
        for (var i = 0; i < 2; i++)
        {
            await MakePromise(debtorId, 10.00m, Today.AddDays(1), invoice);
            AdvanceTo(App.Time.GetUtcNow().AddDays(5));
            await Run();
        }

        var third = await Promise(new { debtorId, amount = new { amount = 500.00m, currency = "EUR" }, promisedDate = Today.AddDays(1).ToString("yyyy-MM-dd"), invoiceIds = new[] { invoice } })
            .ShouldBe(HttpStatusCode.Created);
        var run = await Run(dryRun: true);

        Assert.That(third.GetProperty("status").GetString(), Is.EqualTo("referred"));
        Assert.That(Of(run, "paused", debtorId), Is.Empty, "the referred promise covers the whole invoice yet pauses nothing");
        var worklist = await (await Staff.GetAsync("/api/v1/worklist?limit=500")).ShouldBe(HttpStatusCode.OK);
        var call = worklist.EnumerateArray().Single(w => w.GetProperty("task").GetProperty("debtorId").GetString() == debtorId
            && w.GetProperty("task").GetProperty("kind").GetString() == "call"
            && w.GetProperty("task").GetProperty("reason").GetString()!.Contains("third promise"));
        Assert.That(call.GetProperty("talkingPoints").EnumerateArray().Select(p => p.GetString()),
            Has.Some.StartsWith("Promises to pay: 3 made, 0 kept, 2 broken, 1 referred to a collector"), "the collector sees the record it calls about");
    }

    [Test]
    public async Task Promise_WhenTheEarlierOfTwoIsOlderThan90Days_IsLiveAgainAndPauses()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 500.00m);
        for (var i = 0; i < 2; i++)
        {
            await MakePromise(debtorId, 10.00m, Today.AddDays(1), invoice);
            AdvanceTo(App.Time.GetUtcNow().AddDays(5));
            await Run();
        }

        AdvanceTo(App.Time.GetUtcNow().AddDays(81));
        var third = await Promise(new { debtorId, amount = new { amount = 500.00m, currency = "EUR" }, promisedDate = Today.AddDays(1).ToString("yyyy-MM-dd"), invoiceIds = new[] { invoice } })
            .ShouldBe(HttpStatusCode.Created);
        var run = await Run(dryRun: true);

        Assert.That(third.GetProperty("status").GetString(), Is.EqualTo("live"), "91 days after the first promise, only one falls inside the window");
        Assert.That(Of(run, "paused", debtorId).Single().GetProperty("reason").GetString(), Is.EqualTo("promise"));
    }

    private async Task<HttpResponseMessage> Promise(object body, string? idempotencyKey = "new")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/promises") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey == "new" ? Guid.NewGuid().ToString("N") : idempotencyKey);
        }

        return await Staff.SendAsync(request);
    }

    private async Task<string> MakePromise(string debtorId, decimal amount, DateOnly date, params string[] invoiceIds)
    {
        var created = await Promise(new { debtorId, amount = new { amount, currency = "EUR" }, promisedDate = date.ToString("yyyy-MM-dd"), invoiceIds }).ShouldBe(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
