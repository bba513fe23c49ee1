using Collections.SharedKernel.Data;
using Collections.Testing;

namespace Collections.Payments.Tests.Integration;

/// <summary>A bank debit counts from the day the debtor authorised it, not the day the money cleared (own app: it moves the clock).</summary>
public sealed class BankDebitDiscountTests(DatabaseProvider provider) : StripeFixture(provider)
{
    [Test]
    public async Task BankDebit_AuthorisedInsideTheDiscountWindow_KeepsTheDiscount_ThoughItClearsAfterPayBy()
    {
        var ext = Unique("deb");
        var debtor = await Erp.NewDebtor(ext);
        var invoice = await Erp.NewInvoice(ext, 1000m, "2026-02-25", "2026-03-27", terms: new { netDays = 30, earlyPaymentDiscount = new { percent = 2m, withinDays = 10 } });
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice, amount = 980m } } });
        await Stripe.CompleteAsync(sessionId, bankDebit: true);

        App.Time.Advance(TimeSpan.FromDays(7));
        await Stripe.SucceedAsyncPaymentAsync(sessionId);

        var payment = await OnlyPayment(debtor);
        Assert.That(payment.GetProperty("receivedOn").GetString(), Is.EqualTo("2026-03-02"), "authorised on 2 March, cleared on 9 March, payBy 7 March");
        Assert.That(payment.GetProperty("allocations")[0].Amount("discount"), Is.EqualTo(20m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
    }
}
