using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collections.Payments.Contracts;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Portal;
using Collections.Testing;

namespace Collections.Dunning.Tests.Integration;

/// <summary>Every payment is acknowledged once: a thank-you and receipt through the outbox, in hours, even on hold.</summary>
public sealed class ReceiptTests(DatabaseProvider provider) : DunningFixture(provider)
{
    [Test]
    public async Task Payment_InPart_IsAcknowledgedWithWhatItPaidInvoiceByInvoiceAndWhatRemains()
    {
        var (debtorId, ext) = await CreateDebtor();
        var paid = await CreateInvoice(ext, Today.AddDays(-2), 300.00m, number: "RCPT-1");
        await CreateInvoice(ext, Today.AddDays(10), 200.00m, number: "RCPT-2");

        await Pay(debtorId, (paid, 120.00m));
        await Dispatch();

        var receipt = Receipts(await Communications(debtorId)).Single();
        var text = receipt.GetProperty("bodyText").GetString()!;
        Assert.That(receipt.GetProperty("status").GetString(), Is.EqualTo("sent"));
        Assert.That(receipt.GetProperty("subject").GetString(), Is.EqualTo("Thank you: €120.00 received from Acme GmbH"));
        Assert.That(text, Does.StartWith("Dear Anna,"));
        Assert.That(text, Does.Contain("Invoice RCPT-1 (PO PO-7781): €120.00 paid; €180.00 still open"));
        Assert.That(text, Does.Contain("Open on your account on").And.Contain("€380.00"));
        Assert.That(text, Does.Contain("invoice RCPT-1 of €180.00 was due on"));
        Assert.That(text, Does.Not.Contain("{{").And.Not.Contain("token="));
        var sent = MimeKit.MimeMessage.Load(Path.Combine(OutboxDirectory, receipt.GetProperty("id").GetString() + ".eml"));
        Assert.That(sent.TextBody, Does.Contain("https://pay.example.com/portal/#/login?token=").And.Not.Contain(PortalLinkSlot.Marker));
        Assert.That(sent.HtmlBody, Does.Contain("href=\"https://pay.example.com/portal/#/login?token=").And.Not.Contain(PortalLinkSlot.Marker));
        var activity = await (await Staff.GetAsync($"/api/v1/debtors/{debtorId}/activity")).ShouldBe(HttpStatusCode.OK);
        Assert.That(activity.ToString(), Does.Contain("dunning.courtesy_queued"));
    }

    [Test]
    public async Task Payment_InFull_SaysNothingMoreIsDue()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(5), 250.00m, number: "RCPT-FULL");

        await Pay(debtorId, (invoice, 250.00m));

        var text = Receipts(await Communications(debtorId)).Single().GetProperty("bodyText").GetString()!;
        Assert.That(text, Does.Contain("Invoice RCPT-FULL (PO PO-7781): €250.00 paid; now settled in full"));
        Assert.That(text, Does.Contain("nothing more is due on your account, so there is nothing else you need to do"));
    }

    [Test]
    public async Task Payment_WhenTheEventIsReplayed_IsAcknowledgedOnce()
    {
        var (debtorId, ext) = await CreateDebtor();
        var invoice = await CreateInvoice(ext, Today.AddDays(-2), 100.00m);
        var payment = new PaymentSucceeded("pay_replay" + debtorId[^6..], debtorId, 40_00, "EUR", PaymentMethods.BankTransfer, Today,
            [new PaymentAllocationDto(invoice, 40_00, 0)], 0, null, App.Time.GetUtcNow());

        await App.PublishInTransaction(payment);
        await App.PublishInTransaction(payment);

        Assert.That(Receipts(await Communications(debtorId)).Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Payment_WhileOnHold_IsStillAcknowledged_ButDoNotContactSuppressesIt()
    {
        var (heldId, heldExt) = await CreateDebtor("Held GmbH");
        var heldInvoice = await CreateInvoice(heldExt, Today.AddDays(-2), 100.00m);
        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{heldId}/collection-hold", new { doNotContact = false, holdUntil = Today.AddDays(14).ToString("yyyy-MM-dd"), reason = "Talks" })).ShouldBe(HttpStatusCode.OK);
        var (quietId, quietExt) = await CreateDebtor("Quiet GmbH");
        var quietInvoice = await CreateInvoice(quietExt, Today.AddDays(-2), 100.00m);
        await (await Staff.PutAsJsonAsync($"/api/v1/debtors/{quietId}/collection-hold", new { doNotContact = true, reason = "Write to the lawyer only" })).ShouldBe(HttpStatusCode.OK);

        await Pay(heldId, (heldInvoice, 50.00m));
        await Pay(quietId, (quietInvoice, 50.00m));
        await Dispatch();

        Assert.That(Receipts(await Communications(heldId)).Single().GetProperty("status").GetString(), Is.EqualTo("sent"));
        Assert.That(Receipts(await Communications(quietId)), Is.Empty);
    }

    [Test]
    public async Task Receipt_NeverCountsTowardTheReminderGap_AndIsNotWithdrawnByTheNextChange()
    {
        var (debtorId, ext) = await CreateDebtor();
        var first = await CreateInvoice(ext, Today.AddDays(-2), 100.00m);
        var second = await CreateInvoice(ext, Today.AddDays(-2), 100.00m);
        await Pay(debtorId, (first, 100.00m));

        var run = await Run();
        await Pay(debtorId, (second, 100.00m));

        var messages = (await Communications(debtorId)).EnumerateArray().ToList();
        Assert.That(Of(run, "messages", debtorId).Single().GetProperty("invoiceIds").EnumerateArray().Select(i => i.GetString()), Is.EqualTo(new[] { second }),
            "the receipt sent today does not hold back the reminder");
        Assert.That(messages.Where(m => m.GetProperty("purpose").GetString() == "reminder").Select(m => m.GetProperty("status").GetString()), Is.EqualTo(new[] { "withdrawn" }));
        Assert.That(Receipts(messages).Select(m => m.GetProperty("status").GetString()), Is.EqualTo(new[] { "queued", "queued" }));
    }

    [Test]
    public async Task Receipt_ForAPaymentOnSaturdayNight_WaitsForMondayMorningInTheDebtorsZone()
    {
        var now = App.Time.GetUtcNow();
        AdvanceTo(now.AddDays(((int)DayOfWeek.Saturday - (int)now.DayOfWeek + 7) % 7).Date.AddHours(21));
        var (debtorId, ext) = await CreateDebtor(timeZone: "America/New_York", country: "US");
        var invoice = await CreateInvoice(ext, Today.AddDays(3), 80.00m);

        await Pay(debtorId, (invoice, 80.00m));
        await Dispatch();

        var receipt = Receipts(await Communications(debtorId)).Single();
        var notBefore = TimeZoneInfo.ConvertTime(receipt.GetProperty("notBefore").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.That((notBefore.DayOfWeek, notBefore.Hour, notBefore.Minute), Is.EqualTo((DayOfWeek.Monday, 8, 0)));
        Assert.That(receipt.GetProperty("status").GetString(), Is.EqualTo("queued"), "nothing leaves outside the debtor's hours");
    }

    private static IEnumerable<JsonElement> Receipts(JsonElement communications) => Receipts(communications.EnumerateArray());

    private static IEnumerable<JsonElement> Receipts(IEnumerable<JsonElement> messages) => messages.Where(m => m.GetProperty("purpose").GetString() == "receipt");
}
