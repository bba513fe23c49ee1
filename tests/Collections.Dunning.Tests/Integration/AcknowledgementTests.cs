using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Dunning.Contracts;
using Collections.PaymentPlans.Contracts;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>Plans, disputes, promises and failed bank debits are each acknowledged once, saying what happens next.</summary>
public sealed class AcknowledgementTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [Test]
    public async Task Dispute_WhenOpened_IsAcknowledgedWithTheDateWeAnswerBy_AndWhenResolvedWithTheOutcome()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 500.00m, number: "ACK-D");

        var dispute = await PostKeyed(Staff, "/api/v1/disputes", new { invoiceId = invoice, amount = 100.00m, reason = "pricing", description = "Unit price differs." });
        var dueBy = DateOnly.Parse(dispute.GetProperty("dueBy").GetString()!);
        var id = dispute.GetProperty("id").GetString();
        await (await Staff.PostAsJsonAsync($"/api/v1/disputes/{id}/messages", new { body = "We are checking the quote with sales.", @internal = false })).ShouldBe(HttpStatusCode.Created);
        await (await Staff.PostAsJsonAsync($"/api/v1/disputes/{id}/messages", new { body = "Sales admits the quote was lower.", @internal = true })).ShouldBe(HttpStatusCode.Created);
        await (await Staff.PostAsJsonAsync($"/api/v1/disputes/{id}/assign", new { assignee = "maria.keller" })).ShouldBe(HttpStatusCode.OK);
        await PostKeyed(Staff, $"/api/v1/disputes/{id}/resolve", new { outcome = "partially_accepted", creditAmount = 40.00m, resolutionNote = "Quote was lower." }, HttpStatusCode.OK);

        var received = await Single(debtorId, "dispute_received");
        var resolved = await Single(debtorId, "dispute_resolved");
        var replied = await Single(debtorId, "dispute_replied");
        Assert.That(Text(replied), Does.Contain("About invoice ACK-D: We are checking the quote with sales.").And.Not.Contain("Sales admits"), "internal notes never reach the debtor");
        Assert.That(received.GetProperty("subject").GetString(), Is.EqualTo("We received your query about €100.00"));
        Assert.That(Text(received), Does.Contain("Invoice ACK-D: €100.00 under review (pricing)").And.Contain($"We will reply by {dueBy:d MMMM yyyy}"));
        Assert.That(Text(resolved), Does.Contain("we agree with you in part").And.Contain("A credit note of €40.00 has been issued against invoice ACK-D"));
        Assert.That(Text(resolved), Does.Contain("the remaining €460.00 of invoice ACK-D is due"));
    }

    [Test]
    public async Task Promise_WhenRecorded_IsConfirmedWithItsDate_AndWhenBroken_SaysWhatHappensNow()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 300.00m);
        var promised = Today.AddDays(5);

        await PostKeyed(Staff, "/api/v1/promises", new { debtorId, amount = new { amount = 300.00m, currency = "EUR" }, promisedDate = promised.ToString("yyyy-MM-dd"), invoiceIds = new[] { invoice } });
        await App.PublishInTransaction(new PromiseToPayBroken("prm_broken" + debtorId[^6..], debtorId, 300_00, "EUR", App.Time.GetUtcNow()));

        Assert.That(Text(await Single(debtorId, "promise_recorded")), Does.Contain($"€300.00 by {promised:d MMMM yyyy}").And.Contain("we send no reminders for the promised amount until then"));
        Assert.That(Text(await Single(debtorId, "promise_broken")), Does.Contain("€300.00 of the promised payment is missing").And.Contain("our reminders resume"));
    }

    [Test]
    public async Task Plan_AgreedLateCompletedAndDefaulted_AreEachAcknowledgedOnce_EvenWhenTheEventIsReplayed()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 600.00m, number: "ACK-P");
        var late = new PaymentPlanInstallmentLate("plan_ack" + debtorId[^6..], debtorId, 2, Today.AddDays(-6), 200_00, "EUR", App.Time.GetUtcNow(), Today.AddDays(25));

        await App.PublishInTransaction(new PaymentPlanActivated("plan_ack" + debtorId[^6..], debtorId, [invoice], 600_00, "EUR", 3, App.Time.GetUtcNow()));
        await App.PublishInTransaction(late);
        await App.PublishInTransaction(late);
        await App.PublishInTransaction(late with { Number = 3 });
        await App.PublishInTransaction(new PaymentPlanDefaulted("plan_ack" + debtorId[^6..], debtorId, [invoice], App.Time.GetUtcNow()));

        var agreed = Text(await Single(debtorId, "plan_agreed"));
        Assert.That(agreed, Does.Contain("3 instalments, €600.00 in all").And.Contain("Invoices covered: ACK-P"));
        var lateMessages = (await Of(debtorId, "plan_installment_late")).ToList();
        Assert.That(lateMessages, Has.Count.EqualTo(2), "one per late installment, none for the replay");
        Assert.That(Text(lateMessages[0]), Does.Contain("Instalment 2").And.Contain("€200.00 outstanding").And.Contain($"Please pay by {Today.AddDays(24):d MMMM yyyy}"));
        Assert.That(Text(await Single(debtorId, "plan_defaulted")), Does.Contain("Invoice ACK-P: €600.00 open").And.Contain("our reminders resume"));
    }

    [Test]
    public async Task Plan_WhenCompleted_ThanksTheDebtorOnce()
    {
        var (debtorId, ext) = await CreateDebtor();
        await CreateInvoice(ext, Today.AddDays(20), 90.00m);
        var completed = new PaymentPlanCompleted("plan_done" + debtorId[^6..], debtorId, App.Time.GetUtcNow());

        await App.PublishInTransaction(completed);
        await App.PublishInTransaction(completed);

        var thanks = await Single(debtorId, "plan_completed");
        Assert.That(thanks.GetProperty("subject").GetString(), Is.EqualTo("Your payment plan is complete: thank you"));
        Assert.That(Text(thanks), Does.Contain("Every instalment has been paid").And.Contain("€90.00").And.Contain("nothing more is due under the plan"));
    }

    [Test]
    public async Task InstallmentLate_QueuedAtNight_IsWithdrawnWhenTheDebtorPaysBeforeItLeaves()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 600.00m);
        await App.PublishInTransaction(new PaymentPlanInstallmentLate("plan_night" + debtorId[^6..], debtorId, 1, Today.AddDays(-6), 300_00, "EUR", App.Time.GetUtcNow(), Today.AddDays(25)));
        AdvanceTo(App.Time.GetUtcNow().AddMinutes(1));

        await Pay(debtorId, (invoice, 300.00m));
        await Dispatch();

        var late = await Single(debtorId, "plan_installment_late");
        Assert.That((late.GetProperty("status").GetString(), late.GetProperty("withdrawnReason").GetString()), Is.EqualTo(("withdrawn", "paid_since")));
        Assert.That((await Single(debtorId, "receipt")).GetProperty("status").GetString(), Is.EqualTo("sent"));
    }

    [Test]
    public async Task BankDebit_WhenItFails_TellsTheDebtorAndLinksToPayAgain_ButAnAbandonedCheckoutSendsNothing()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 250.00m, number: "ACK-B");
        await App.PublishInTransaction(new PaymentPending("att_debit" + debtorId[^6..], debtorId, 250_00, "EUR", PaymentMethods.BankDebit, [invoice], App.Time.GetUtcNow()));

        await App.PublishInTransaction(new PaymentFailed("att_debit" + debtorId[^6..], debtorId, 250_00, "EUR", "insufficient_funds", [invoice], App.Time.GetUtcNow()));
        await App.PublishInTransaction(new PaymentFailed("att_checkout" + debtorId[^6..], debtorId, 250_00, "EUR", "expired", [invoice], App.Time.GetUtcNow()));

        var failed = await Single(debtorId, "debit_failed");
        Assert.That(failed.GetProperty("subject").GetString(), Is.EqualTo("Your bank debit of €250.00 did not go through"));
        Assert.That(Text(failed), Does.Contain("Invoice ACK-B: €250.00 open").And.Contain("nothing was taken from your account").And.Contain("https://pay.example.com/portal/"));
    }

    [Test]
    public async Task Acknowledgements_AreNotReminders_TheRunStillSendsTheFirstReminderTheSameDay()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 100.00m);
        await PostKeyed(Staff, "/api/v1/disputes", new { invoiceId = invoice, amount = 10.00m, reason = "pricing", description = "Ten too much." });

        var run = await Run();

        Assert.That(Of(run, "messages", debtorId).Count(), Is.EqualTo(1), "the dispute's acknowledgement does not hold back the reminder for the rest");
    }

    private async Task<IEnumerable<JsonElement>> Of(string debtorId, string purpose) =>
        (await Communications(debtorId)).EnumerateArray().Where(m => m.GetProperty("purpose").GetString() == purpose).ToList();

    private async Task<JsonElement> Single(string debtorId, string purpose) => (await Of(debtorId, purpose)).Single();

    private static string Text(JsonElement message) => message.GetProperty("bodyText").GetString()!;

}
