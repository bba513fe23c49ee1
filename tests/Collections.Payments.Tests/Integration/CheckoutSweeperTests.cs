using System.Net;
using Collections.Payments.Contracts;
using Collections.Payments.Features.Checkout;
using Collections.SharedKernel.Data;
using Collections.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

/// <summary>Checkout attempts nothing else would end: left without a session by a crash or a lost answer, or whose session expired unheard.</summary>
public sealed class CheckoutSweeperTests(DatabaseProvider provider) : StripeFixture(provider)
{
    private CheckoutSweeper Sweeper => App.Services.GetRequiredService<CheckoutSweeper>();

    [Test]
    public async Task Sweep_AnAttemptStripeNeverHeardOf_FailsIt_OnceOldEnough()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        Stripe.DropRequests(1);
        await (await Staff.PostKeyed("/api/v1/payments/checkout", new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } })).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        var attempt = await AttemptOf(debtor);

        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.That(await Status(attempt), Is.EqualTo("open"), "a request may still be waiting for Stripe");
        App.Time.Advance(CheckoutSweeper.MinimumAge + TimeSpan.FromSeconds(1));
        var outcomes = await Sweeper.SweepAsync(CancellationToken.None);

        Assert.That(outcomes, Has.Some.Contains($"attempt {attempt} failed"));
        Assert.That(await Status(attempt), Is.EqualTo("failed"));
        Assert.That(await Scalar<string>("SELECT failure_reason FROM payments_attempts WHERE id = @Id", new { Id = attempt }), Is.EqualTo(SweepCheckoutAttemptHandler.Abandoned));
        Assert.That(Stripe.Requests.Last(r => r.Method == "GET").Path, Is.EqualTo("/v1/checkout/sessions"), "Stripe was asked, by listing its sessions");
        Assert.That(Published.Of<PaymentFailed>().Count(f => f.AttemptId == attempt), Is.EqualTo(1));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(100m));
        Assert.That(await Sweeper.SweepAsync(CancellationToken.None), Has.None.Contains(attempt), "an ended attempt is not swept again");
    }

    [Test]
    public async Task Sweep_AnAttemptWhoseSessionStripeMadeButWeNeverRecorded_RecordsIt_AndALateCompletionStillBooks()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        for (var other = 0; other < 3; other++)
        {
            var (otherDebtor, otherInvoice) = await DebtorWithInvoice(10m);
            await Checkout(Staff, new { debtorId = otherDebtor, invoices = new[] { new { invoiceId = otherInvoice } } });
        }

        Stripe.LoseResponses(1);
        await (await Staff.PostKeyed("/api/v1/payments/checkout", new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } })).ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        var attempt = await AttemptOf(debtor);
        Assert.That(await Scalar<string?>("SELECT stripe_session_id FROM payments_attempts WHERE id = @Id", new { Id = attempt }), Is.Null);

        App.Time.Advance(CheckoutSweeper.MinimumAge + TimeSpan.FromSeconds(1));
        var outcomes = await Sweeper.SweepAsync(CancellationToken.None);

        var sessionId = await Scalar<string?>("SELECT stripe_session_id FROM payments_attempts WHERE id = @Id", new { Id = attempt });
        Assert.That(sessionId, Is.Not.Null, string.Join("; ", outcomes));
        Assert.That((string?)Stripe.Session(sessionId!)!["client_reference_id"], Is.EqualTo(attempt), "the session Stripe made for this attempt, found among others");
        Assert.That(await Status(attempt), Is.EqualTo("open"));

        var completed = await Stripe.CompleteAsync(sessionId!);

        Assert.That(completed.Response, Does.Contain("succeeded as payment"));
        Assert.That(await Status(attempt), Is.EqualTo("succeeded"));
        Assert.That(await Erp.Balance(invoice), Is.EqualTo(0m));
    }

    [Test]
    public async Task Sweep_AnAttemptWhoseSessionExpiredWithoutItsEvent_EndsItExpired()
    {
        var (debtor, invoice) = await DebtorWithInvoice(100m);
        var (attempt, _) = await Checkout(Staff, new { debtorId = debtor, invoices = new[] { new { invoiceId = invoice } } });

        App.Time.Advance(TimeSpan.FromHours(23));
        await Sweeper.SweepAsync(CancellationToken.None);
        Assert.That(await Status(attempt), Is.EqualTo("open"), "its session is still open");
        App.Time.Advance(TimeSpan.FromHours(1) + CheckoutSweeper.RecheckAfter);
        var outcomes = await Sweeper.SweepAsync(CancellationToken.None);

        Assert.That(outcomes, Has.Some.Contains($"attempt {attempt} expired"));
        Assert.That(await Status(attempt), Is.EqualTo("expired"));
        Assert.That(Published.Of<PaymentFailed>().Count(f => f.AttemptId == attempt), Is.EqualTo(1));
    }

    private Task<string> AttemptOf(string debtor) => Scalar<string>("SELECT id FROM payments_attempts WHERE debtor_id = @Debtor", new { Debtor = debtor });

    private Task<string> Status(string attempt) => Scalar<string>("SELECT status FROM payments_attempts WHERE id = @Id", new { Id = attempt });
}
