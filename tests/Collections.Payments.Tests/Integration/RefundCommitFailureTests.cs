using System.Net;
using Collections.Payments.Contracts;
using Collections.Payments.Features.Refunds;
using Collections.SharedKernel.Data;
using Collections.SharedKernel.Mediation;
using Collections.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

/// <summary>
/// Stripe refunds, then the commit of our record of it fails (a reaction to the refund throws a database error, so its
/// transaction rolls back as a failed commit would): the money left once and must be booked once, by whoever comes next.
/// </summary>
public sealed class RefundCommitFailureTests(DatabaseProvider provider) : StripeFixture(provider)
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> FailOnce = [];

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // Registered before the recorder, so a refund whose commit fails is not recorded as published either.
        services.AddFailingReaction<PaymentRefunded>(n => TakeFailure(n.PaymentId), _ => new SqliteException("disk I/O error", 10));
        base.ConfigureTestServices(services);
    }

    [Test]
    public async Task Refund_WhenTheCommitFailsAfterStripeRefunded_IsBookedOnceByItsRefundEvent_AndTheKeyReplaysItsFirstAnswer()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString()!;
        var key = Guid.NewGuid().ToString();
        lock (Gate)
        {
            FailOnce.Add(paymentId);
        }

        var held = await WithWebhooksHeld(async () =>
        {
            var failed = await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40m, reason = "Overcharged" }, key)).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
            Assert.That(failed.GetProperty("detail").GetString(), Does.Contain("could not be recorded"));
        });

        Assert.That(Stripe.Refunds.Count(r => (string?)r["metadata"]?["payment_id"] == paymentId), Is.EqualTo(1), "Stripe refunded once");
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(0m), "the failed commit left nothing booked");
        foreach (var late in held)
        {
            Assert.That((await Stripe.RedeliverAsync(late.EventId)).StatusCode, Is.EqualTo(200));
        }

        App.Time.Advance(RefundReconciler.MinimumAge + TimeSpan.FromSeconds(1));
        Assert.That(await App.Services.GetRequiredService<RefundReconciler>().ReconcileAsync(CancellationToken.None), Is.EqualTo(0), "the refund event finished it already");
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(40m));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(40m));
        Assert.That(await Scalar<long>("SELECT COUNT(*) FROM payments_refunds WHERE payment_id = @Id", new { Id = paymentId }), Is.EqualTo(1));
        Assert.That(Published.Of<PaymentRefunded>().Count(r => r.PaymentId == paymentId), Is.EqualTo(1));

        var first = await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40m, reason = "Overcharged" }, key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var firstBody = await first.Content.ReadAsStringAsync();
        await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 10m, reason = "Goodwill" })).ShouldBe(HttpStatusCode.Created);
        await Stripe.WhenIdleAsync();

        var repeat = await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 40m, reason = "Overcharged" }, key);

        Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await repeat.Content.ReadAsStringAsync(), Is.EqualTo(firstBody), "the first answer, byte for byte, though the payment moved on");
        Assert.That(repeat.Headers.GetValues(IdempotencyContext.ReplayedHeader), Is.EqualTo(new[] { "true" }));
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(50m));
    }

    [Test]
    public async Task Refund_WithANewKeyForMoreThanRemains_IsRefused_AndStripeIsNotAsked()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (_, sessionId) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });
        await Stripe.CompleteAsync(sessionId);
        var paymentId = (await OnlyPayment(debtor)).GetProperty("id").GetString()!;
        await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 70m, reason = "Returned" })).ShouldBe(HttpStatusCode.Created);
        await Stripe.WhenIdleAsync();
        var asked = Stripe.Requests.Count;

        var refused = await (await Staff.PostKeyed($"/api/v1/payments/{paymentId}/refunds", new { amount = 30.01m, reason = "Returned" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("30.00"));
        Assert.That(Stripe.Requests.Count, Is.EqualTo(asked), "Stripe was not called");
        Assert.That((await OnlyPayment(debtor)).Amount("refunded"), Is.EqualTo(70m));
    }

    private static bool TakeFailure(string paymentId)
    {
        lock (Gate)
        {
            return FailOnce.Remove(paymentId);
        }
    }
}
