using Collections.Payments.Domain;
using Collections.Payments.Features.Refunds;
using Collections.SharedKernel.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Collections.Payments.Tests.Integration;

/// <summary>No call to Stripe inside a database transaction: the data session's guard refuses it before anything is sent.</summary>
public sealed class ExternalCallGuardTests(DatabaseProvider provider) : StripeFixture(provider)
{
    [Test]
    public async Task StripeCall_InsideATransaction_IsRefused_AndOutsideItIsMade()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var stripe = scope.ServiceProvider.GetRequiredService<StripeGateway>();
        var sessions = Stripe.Deliveries.Count;

        var refused = Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.InTransactionAsync(() => stripe.RefundAsync(Guard, CancellationToken.None)));

        Assert.That(refused!.Message, Does.Contain("inside a database transaction"));
        Assert.That(DbSession.TransactionOpenInThisFlow, Is.False, "the flag ends with the transaction");
        Assert.That(Stripe.Refunds, Is.Empty, "nothing reached Stripe");
        Assert.That(Stripe.Deliveries.Count, Is.EqualTo(sessions));
        Assert.That(Stripe.Requests, Is.Empty, "no request was sent");
    }

    private static readonly RefundIntentRow Guard = new()
    {
        Id = "ref_guard",
        PaymentId = "pay_guard",
        RequestKey = "guard-test",
        AmountMinor = 100,
        Reason = "guard",
        Status = "pending",
        Currency = "EUR",
        StripePaymentIntent = "pi_guard",
    };
}
