using Collections.Webhooks.Contracts;
using Collections.Webhooks.Domain;

namespace Collections.Operations.Tests.Unit;

public sealed class RetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly WebhookOptions Options = new() { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromHours(1) };

    [TestCase(1, 30)]
    [TestCase(2, 60)]
    [TestCase(3, 120)]
    [TestCase(7, 1920)]
    [TestCase(8, 3600)]
    [TestCase(40, 3600)]
    public void NextAttempt_WithMidJitter_DoublesUpToTheCap(int failed, int seconds) =>
        Assert.That(RetrySchedule.NextAttempt(failed, Now, Now.AddDays(1), Options, 0.5), Is.EqualTo(Now.AddSeconds(seconds)));

    [Test]
    public void NextAttempt_WithExtremeJitter_StaysWithinTwentyPercent()
    {
        Assert.That(RetrySchedule.NextAttempt(2, Now, Now.AddDays(1), Options, 0), Is.EqualTo(Now.AddSeconds(48)));
        Assert.That(RetrySchedule.NextAttempt(2, Now, Now.AddDays(1), Options, 1), Is.EqualTo(Now.AddSeconds(72)));
    }

    [Test]
    public void NextAttempt_WhenBeyondTheWindow_IsNull() =>
        Assert.That(RetrySchedule.NextAttempt(8, Now, Now.AddMinutes(59), Options, 0.5), Is.Null);

    [Test]
    public void Schedule_WhenReceiverIsDownForAnHour_KeepsRetryingWellPastIt()
    {
        var at = Now;
        var attempts = 0;
        while (RetrySchedule.NextAttempt(++attempts, at, Now.AddHours(24), Options, 1) is { } next)
        {
            at = next;
        }

        Assert.That(at, Is.GreaterThan(Now.AddHours(22)), "the last attempt is near the end of the 24-hour window");
        Assert.That(attempts, Is.InRange(20, 40), "at most hourly once the back-off is capped");
    }

    [TestCase("invoice.paid,payment.succeeded", "payment.succeeded", true)]
    [TestCase("invoice.paid", "payment.succeeded", false)]
    [TestCase("*", "dispute.opened", true)]
    [TestCase("payment.succeeded_x", "payment.succeeded", false)]
    public void Subscribes_MatchesWholeEventNames(string events, string type, bool expected) =>
        Assert.That(WebhookOutbox.Subscribes(events, type), Is.EqualTo(expected));

    [Test]
    public void Subscribable_HasEveryEventTheProductPromises() =>
        Assert.That(WebhookEventTypes.Subscribable, Is.SupersetOf(new[]
        {
            "invoice.paid", "invoice.written_off", "payment.succeeded", "payment.refunded", "payment.failed", "credit_note.issued",
            "dispute.opened", "dispute.resolved", "payment_plan.activated", "payment_plan.defaulted", "promise.broken", "debtor.escalated",
        }));
}
