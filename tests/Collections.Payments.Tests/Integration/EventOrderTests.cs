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
    public async Task CompletionAndTwoRefunds_InAnyOrder_BookEachRefundOnceByItsId(int[] order)
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        var held = Stripe.Options.WebhookUrl;
        Stripe.Options.WebhookUrl = null;
        var completed = await Stripe.CompleteAsync(sessionId);
        var intent = (string)Stripe.Session(sessionId)!["payment_intent"]!;
        var firstRefund = await Stripe.SendEventAsync("charge.refunded", Charge(intent, ("re_a_" + debtor, 3000)));
        var secondRefund = await Stripe.SendEventAsync("charge.refunded", Charge(intent, ("re_b_" + debtor, 2000), ("re_a_" + debtor, 3000)));
        Stripe.Options.WebhookUrl = held;
        string[] events = [completed.EventId, firstRefund.EventId, secondRefund.EventId];

        foreach (var index in order)
        {
            var delivered = await Stripe.RedeliverAsync(events[index]);
            Assert.That(delivered.StatusCode, Is.EqualTo(200), delivered.Response);
        }

        var payment = await OnlyPayment(debtor);
        Assert.That(payment.Amount("refunded"), Is.EqualTo(50m), "both listed refunds, each once, whatever came first");
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(50m));
    }

    private static IEnumerable<TestCaseData> FourEventOrders() =>
        from outcome in new[] { "won", "lost" }
        from order in Permutations([0, 1, 2, 3])
        select new TestCaseData(outcome, order).SetName($"FourEvents_{outcome}_{string.Join("", order)}");

    /// <summary>
    /// The money that moved: a 100.00 card payment of a 100.00 invoice, 30.00 of it refunded in Stripe's dashboard, then 50.00
    /// of the rest disputed by the payer's bank, and the dispute won (the 50.00 comes back and is applied again) or lost.
    /// Delivered as signed webhooks in each of the 24 orders, every one must end where the natural order ends.
    /// </summary>
    [TestCaseSource(nameof(FourEventOrders))]
    public async Task CompletionRefundChargebackAndItsEnd_InAnyOrder_EndInOneState(string outcome, int[] order)
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        var held = Stripe.Options.WebhookUrl;
        Stripe.Options.WebhookUrl = null;
        var completed = await Stripe.CompleteAsync(sessionId);
        var intent = (string)Stripe.Session(sessionId)!["payment_intent"]!;
        var refunded = await Stripe.SendEventAsync("charge.refunded", Charge(intent, ("re_part_" + debtor, 3000)));
        var disputed = await Stripe.SendEventAsync("charge.dispute.created", Dispute(intent, "dp_part_" + debtor, "needs_response", 5000));
        var closed = await Stripe.SendEventAsync("charge.dispute.closed", Dispute(intent, "dp_part_" + debtor, outcome, 5000));
        Stripe.Options.WebhookUrl = held;
        string[] events = [completed.EventId, refunded.EventId, disputed.EventId, closed.EventId];

        foreach (var index in order)
        {
            var delivered = await Stripe.RedeliverAsync(events[index]);
            Assert.That(delivered.StatusCode, Is.EqualTo(200), delivered.Response);
        }

        var payment = await OnlyPayment(debtor);
        var won = outcome == "won";
        Assert.That(payment.GetProperty("status").GetString(), Is.EqualTo(won ? "succeeded" : "chargeback"));
        Assert.That(payment.Amount("refunded"), Is.EqualTo(30m));
        Assert.That(await Scalar<long>("SELECT charged_back_minor FROM payments_payments WHERE id = @Id", new { Id = payment.GetProperty("id").GetString() }), Is.EqualTo(won ? 0 : 5000));
        Assert.That(payment.Amount("unapplied"), Is.EqualTo(0m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(won ? 30m : 80m), "100 paid, 30 refunded, 50 taken back by the bank" + (won ? " and returned" : ""));
        // Created, paid, the refund's reversal, the chargeback's reversal, and when won its re-application: one entry each.
        Assert.That(await Scalar<long>("SELECT COUNT(*) FROM invoicing_ledger_entries WHERE item_id = @Id", new { Id = invoice }), Is.EqualTo(won ? 5 : 4));
        Assert.That(await Scalar<long>("SELECT COUNT(*) FROM payments_stripe_events WHERE id IN (@A, @B, @C, @D) AND parked_until IS NULL",
            new { A = events[0], B = events[1], C = events[2], D = events[3] }), Is.EqualTo(4), "none left parked");
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1 ? [items] : items.SelectMany(first => Permutations(items.Where(i => i != first).ToArray()).Select(rest => (int[])[first, .. rest]));

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
        var charge = Charge("pi_never_ours", ("re_never_ours", 1000));
        var parked = await Stripe.SendEventAsync("charge.refunded", charge);
        Assert.That(parked.Response, Does.Contain("parked"));

        App.Time.Advance(TimeSpan.FromDays(4));
        await using var scope = App.Services.CreateAsyncScope();
        var retried = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RetryParkedStripeEventsCommand(DueOnly: true));

        Assert.That(retried, Is.EqualTo(1), "tried once more, then given up with a logged reason");
        var redelivered = await Stripe.RedeliverAsync(parked.EventId);
        Assert.That(redelivered.Response, Does.Contain("dropped after 3 days"));
    }

    /// <summary>A charge.refunded object with its refunds list (newest first), each refund made in Stripe's dashboard (no metadata of ours).</summary>
    private static JsonObject Charge(string intent, params (string Id, long Amount)[] refunds) => new()
    {
        ["id"] = $"ch_{intent}",
        ["object"] = "charge",
        ["amount"] = 10000,
        ["amount_refunded"] = refunds.Sum(r => r.Amount),
        ["currency"] = "eur",
        ["payment_intent"] = intent,
        ["refunded"] = refunds.Sum(r => r.Amount) == 10000,
        ["refunds"] = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray([.. refunds.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id, ["object"] = "refund", ["amount"] = r.Amount, ["currency"] = "eur", ["metadata"] = new JsonObject(), ["payment_intent"] = intent, ["status"] = "succeeded",
            })]),
            ["has_more"] = false,
            ["total_count"] = refunds.Length,
        },
    };

    private static JsonObject Dispute(string intent, string id, string status, long amount = 10000) => new()
    {
        ["id"] = id,
        ["object"] = "dispute",
        ["amount"] = amount,
        ["currency"] = "eur",
        ["payment_intent"] = intent,
        ["reason"] = "fraudulent",
        ["status"] = status,
    };
}
