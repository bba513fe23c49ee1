using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Dunning.Tests.Integration;

/// <summary>
/// A reminder queued by a run is checked again when the debtor's invoices change and once more as the dispatcher claims
/// it: nothing leaves that asks for money already paid, credited, written off, disputed, promised or held.
/// </summary>
public sealed class WithdrawalTests(DatabaseProvider provider) : DunningFixture(provider)
{
    private static readonly object[] PostOnly =
    [
        new { name = "Jo Post", phone = "+49 30 555555", role = "accounts_payable", isPrimary = true },
    ];

    [Test]
    public async Task Queued_WhenTheDebtorPaysInFull_IsWithdrawnAndNeverLeaves()
    {
        var (debtorId, invoice) = await QueuedReminder(500.00m);

        await Pay(debtorId, (invoice, 500.00m));

        await AssertWithdrawn(debtorId, "settled");
    }

    [Test]
    public async Task Queued_WhenCreditedInFull_IsWithdrawn()
    {
        var (debtorId, invoice) = await QueuedReminder(500.00m);

        await PostKeyed(Erp, $"/api/v1/invoices/{invoice}/credit-notes", new { amount = 500.00m, reason = "Goods returned" });

        await AssertWithdrawn(debtorId, "settled");
    }

    [Test]
    public async Task Queued_WhenWrittenOff_IsWithdrawn()
    {
        var (debtorId, invoice) = await QueuedReminder(500.00m);

        await (await Staff.PostAsJsonAsync($"/api/v1/invoices/{invoice}/write-off", new { reason = "Insolvency" })).ShouldBe(HttpStatusCode.OK);

        await AssertWithdrawn(debtorId, "settled");
    }

    [Test]
    public async Task Queued_WhenTheDebtorDisputes_IsWithdrawn()
    {
        var (debtorId, invoice) = await QueuedReminder(500.00m);

        await PostKeyed(Staff, "/api/v1/disputes", new { invoiceId = invoice, reason = "pricing", description = "Unit price differs from the quote." });

        await AssertWithdrawn(debtorId, "dispute");
    }

    [Test]
    public async Task Queued_WhenAPaymentPlanIsAgreed_IsWithdrawn()
    {
        var (debtorId, invoice) = await QueuedReminder(500.00m);

        var plan = await PostKeyed(Staff, "/api/v1/payment-plans", new
        {
            invoiceIds = new[] { invoice },
            installmentCount = 2,
            frequency = "monthly",
            firstPaymentDate = Today.AddDays(7).ToString("yyyy-MM-dd"),
        });
        if (plan.GetProperty("status").GetString() == "proposed")
        {
            await (await Staff.PostAsJsonAsync($"/api/v1/payment-plans/{plan.GetProperty("id").GetString()}/approve", new { })).ShouldBe(HttpStatusCode.OK);
        }

        await AssertWithdrawn(debtorId, "payment_plan");
    }

    [Test]
    public async Task Queued_WhenTheDebtorPromisesADate_IsWithdrawn()
    {
        var (debtorId, invoice) = await QueuedReminder(500.00m);

        await PostKeyed(Staff, "/api/v1/promises", new
        {
            debtorId,
            amount = new { amount = 500.00m, currency = "EUR" },
            promisedDate = Today.AddDays(5).ToString("yyyy-MM-dd"),
            invoiceIds = new[] { invoice },
        });

        await AssertWithdrawn(debtorId, "promise");
    }

    [Test]
    public async Task Queued_WhenStaffPutTheDebtorOnHold_IsWithdrawn()
    {
        var (debtorId, _) = await QueuedReminder(500.00m);

        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{debtorId}/collection-hold", new
        {
            doNotContact = false,
            holdUntil = Today.AddDays(14).ToString("yyyy-MM-dd"),
            reason = "Talking to their CFO",
        })).ShouldBe(HttpStatusCode.OK);

        await AssertWithdrawn(debtorId, "hold");
    }

    [Test]
    public async Task Queued_WhenTheDebtorIsPlacedWithAnAgency_IsWithdrawn()
    {
        var (debtorId, _) = await QueuedReminder(500.00m);

        await (await Staff.PostAsJsonAsync($"/api/v1/debtors/{debtorId}/escalations", new
        {
            type = "agency",
            agencyName = "Inkasso Nord",
            contingencyFeePercent = 12.5m,
            note = "No reply for months",
        })).ShouldBe(HttpStatusCode.Created);

        await AssertWithdrawn(debtorId, "placed");
    }

    [Test]
    public async Task Queued_WhenOneOfTwoInvoicesIsPaid_IsRecomposedForTheOtherAlone()
    {
        var (debtorId, ext) = await CreateDebtor();
        var paid = await CreateInvoice(ext, Today.AddDays(-2), 300.00m, number: "RC-PAID");
        var open = await CreateInvoice(ext, Today.AddDays(-2), 200.00m, number: "RC-OPEN");
        await Run();

        await Pay(debtorId, (paid, 300.00m));
        await Dispatch();

        var message = await ReminderOf(debtorId);
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("sent"));
        Assert.That(Ids(message), Is.EqualTo(new[] { open }));
        Assert.That(message.GetProperty("totalMinor").GetInt64(), Is.EqualTo(200_00));
        var eml = await File.ReadAllTextAsync(EmlOf(message));
        Assert.That(eml, Does.Contain("RC-OPEN").And.Not.Contain("RC-PAID"));
        Assert.That(message.GetProperty("bodyText").GetString(), Does.Contain("€200.00").And.Not.Contain("€300.00"));
    }

    [Test]
    public async Task Queued_WhenPaidInPart_IsRecomposedForWhatIsStillOwed()
    {
        var (debtorId, invoice) = await QueuedReminder(500.00m);

        await Pay(debtorId, (invoice, 120.00m));
        await Dispatch();

        var message = await ReminderOf(debtorId);
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("sent"));
        Assert.That(message.GetProperty("totalMinor").GetInt64(), Is.EqualTo(380_00));
        Assert.That(message.GetProperty("bodyText").GetString(), Does.Contain("€380.00"));
    }

    [Test]
    public async Task Claim_WhenTheDebtorWasHeldWithoutAnyEvent_StillWithdrawsAtTheMomentOfSending()
    {
        var (debtorId, _) = await QueuedReminder(500.00m);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // A change no notification announces (a restore, a fix by hand): only the claim-time check can catch it.
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var updated = await db.ExecuteAsync("UPDATE dunning_debtor_settings SET do_not_contact = 1 WHERE debtor_id = @DebtorId", new { DebtorId = debtorId });
            if (updated == 0)
            {
                await db.ExecuteAsync("INSERT INTO dunning_debtor_settings (debtor_id, do_not_contact, updated_at) VALUES (@DebtorId, 1, @Now)", new { DebtorId = debtorId, Now = App.Time.GetUtcNow() });
            }
        }

        await AssertWithdrawn(debtorId, "do_not_contact", byTheChange: false);
    }

    [Test]
    public async Task Withdrawn_ReminderStep_IsTakenAgainWhenChasingResumes()
    {
        var (debtorId, invoice) = await QueuedReminder(500.00m);
        var disputeId = (await PostKeyed(Staff, "/api/v1/disputes", new { invoiceId = invoice, reason = "pricing", description = "Unit price differs." })).GetProperty("id").GetString();
        await (await Staff.PostAsync($"/api/v1/disputes/{disputeId}/withdraw", null)).ShouldBe(HttpStatusCode.OK);

        var again = await Run();

        Assert.That(Of(again, "messages", debtorId).Count(), Is.EqualTo(1), "the withdrawn reminder never reached the debtor, so its step is due again");
    }

    [Test]
    public async Task Letter_WaitingToBePrinted_IsWithdrawnWhenPaidAndCannotBeMarkedPrinted()
    {
        var (debtorId, ext) = await CreateDebtor("Letter Only KG", contacts: PostOnly);
        var invoice = await CreateInvoice(ext, Today.AddDays(-31), 800.00m, number: "LW-1");
        var letter = await RunUntilLetter(debtorId);
        Assert.That(letter.GetProperty("status").GetString(), Is.EqualTo("to_print"));

        await Pay(debtorId, (invoice, 800.00m));

        var after = (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("id").GetString() == letter.GetProperty("id").GetString());
        Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("withdrawn"));
        var printed = await Staff.PostAsync($"/api/v1/dunning/letters/{letter.GetProperty("id").GetString()}/printed", null);
        Assert.That(printed.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var toPrint = await (await Staff.GetAsync("/api/v1/dunning/outbox?status=to_print")).ShouldBe(HttpStatusCode.OK);
        Assert.That(toPrint.EnumerateArray().Any(m => m.GetProperty("debtorId").GetString() == debtorId), Is.False);
    }

    [Test]
    public async Task Race_PaymentAgainstDispatch_EitherSendsTheReminderOrWithdrawsIt_NeverBoth()
    {
        for (var round = 0; round < 5; round++)
        {
            var (debtorId, invoice) = await QueuedReminder(500.00m);

            var payment = Pay(debtorId, (invoice, 500.00m));
            var dispatch = Dispatch();
            await Task.WhenAll(payment, dispatch);

            var message = await ReminderOf(debtorId);
            var status = message.GetProperty("status").GetString();
            Assert.That(status, Is.AnyOf("sent", "withdrawn"));
            Assert.That(File.Exists(EmlOf(message)), Is.EqualTo(status == "sent"), "an .eml exists exactly when the message says it was sent");
        }
    }

    private async Task<(string DebtorId, string InvoiceId)> QueuedReminder(decimal total)
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), total);
        var run = await Run();
        Assert.That(Of(run, "messages", debtorId).Single().GetProperty("status").GetString(), Is.EqualTo("queued"));
        return (debtorId, invoice);
    }

    /// <summary>Withdrawn by the change itself (so an outbox listing never shows it queued), unless only the claim can see it.</summary>
    private async Task AssertWithdrawn(string debtorId, string reason, bool byTheChange = true)
    {
        var before = (await ReminderOf(debtorId)).GetProperty("status").GetString();
        await Dispatch();

        Assert.That(before, Is.EqualTo(byTheChange ? "withdrawn" : "queued"));

        var message = await ReminderOf(debtorId);
        Assert.That(message.GetProperty("status").GetString(), Is.EqualTo("withdrawn"));
        Assert.That(message.GetProperty("withdrawnReason").GetString(), Does.Contain(reason));
        Assert.That(File.Exists(EmlOf(message)), Is.False, "nothing was handed to the mail relay");
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.ToString(), Does.Contain("dunning.message_withdrawn"));
    }

    private async Task<JsonElement> ReminderOf(string debtorId) =>
        (await Communications(debtorId)).EnumerateArray().Single(m => m.GetProperty("purpose").GetString() == "reminder");

    private string EmlOf(JsonElement message) => Path.Combine(OutboxDirectory, message.GetProperty("id").GetString() + ".eml");
}
