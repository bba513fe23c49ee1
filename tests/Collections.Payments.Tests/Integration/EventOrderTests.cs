using System.Text.Json.Nodes;
using Collections.Payments.Features.Webhooks;
using Collections.SharedKernel.Data;
using Collections.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

/// <summary>Stripe delivers events in any order: one about a charge not yet known is parked, never lost, and every order ends alike.</summary>
public sealed class EventOrderTests(DatabaseProvider provider) : StripeFixture(provider)
{
    private static readonly int[][] Orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    [TestCaseSource(nameof(Orders))]
    public async Task CompletionAndTwoRefunds_InAnyOrder_EndWithTheLatestRefundedTotal(int[] order)
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        var held = Stripe.Options.WebhookUrl;
        Stripe.Options.WebhookUrl = null;
        var completed = await Stripe.CompleteAsync(sessionId);
        var intent = (string)Stripe.Session(sessionId)!["payment_intent"]!;
        var firstRefund = await Stripe.SendEventAsync("charge.refunded", Charge(intent, refunded: 3000));
        var secondRefund = await Stripe.SendEventAsync("charge.refunded", Charge(intent, refunded: 5000));
        Stripe.Options.WebhookUrl = held;
        string[] events = [completed.EventId, firstRefund.EventId, secondRefund.EventId];

        foreach (var index in order)
        {
            var delivered = await Stripe.RedeliverAsync(events[index]);
            Assert.That(delivered.StatusCode, Is.EqualTo(200), delivered.Response);
        }

        var payment = await OnlyPayment(debtor);
        Assert.That(payment.Amount("refunded"), Is.EqualTo(50m), "the charge's latest cumulative refund, whatever came first");
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(50m));
    }

    [TestCase(false, TestName = "ChargebackThenWin_EndsPaid")]
    [TestCase(true, TestName = "WinBeforeItsChargeback_IsParked_AndEndsPaid")]
    public async Task AChargebackTheCreditorWins_EndsPaid_InEitherOrder(bool winFirst)
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var intent = (string)Stripe.Session(sessionId)!["payment_intent"]!;
        var held = Stripe.Options.WebhookUrl;
        Stripe.Options.WebhookUrl = null;
        var created = await Stripe.SendEventAsync("charge.dispute.created", Dispute(intent, "dp_order_" + debtor, "needs_response"));
        var won = await Stripe.SendEventAsync("charge.dispute.closed", Dispute(intent, "dp_order_" + debtor, "won"));
        Stripe.Options.WebhookUrl = held;

        foreach (var eventId in winFirst ? new[] { won.EventId, created.EventId } : [created.EventId, won.EventId])
        {
            Assert.That((await Stripe.RedeliverAsync(eventId)).StatusCode, Is.EqualTo(200));
        }

        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
        Assert.That((await OnlyPayment(debtor)).GetProperty("status").GetString(), Is.EqualTo("succeeded"));
    }

    [Test]
    public async Task RefundOfAChargeNeverSeen_StaysParked_UntilItsLimit_ThenIsDropped()
    {
        var charge = Charge("pi_never_ours", refunded: 1000);
        var parked = await Stripe.SendEventAsync("charge.refunded", charge);
        Assert.That(parked.Response, Does.Contain("parked"));

        App.Time.Advance(TimeSpan.FromDays(4));
        await using var scope = App.Services.CreateAsyncScope();
        var retried = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RetryParkedStripeEventsCommand(DueOnly: true));

        Assert.That(retried, Is.EqualTo(1), "tried once more, then given up with a logged reason");
        var redelivered = await Stripe.RedeliverAsync(parked.EventId);
        Assert.That(redelivered.Response, Does.Contain("dropped after 3 days"));
    }

    private static JsonObject Charge(string intent, long refunded) => new()
    {
        ["id"] = $"ch_{intent}",
        ["object"] = "charge",
        ["amount"] = 10000,
        ["amount_refunded"] = refunded,
        ["currency"] = "eur",
        ["payment_intent"] = intent,
        ["refunded"] = false,
    };

    private static JsonObject Dispute(string intent, string id, string status) => new()
    {
        ["id"] = id,
        ["object"] = "dispute",
        ["amount"] = 10000,
        ["currency"] = "eur",
        ["payment_intent"] = intent,
        ["reason"] = "fraudulent",
        ["status"] = status,
    };
}
