using Collections.Payments.Features.Webhooks;

namespace Collections.Payments.Tests.Unit;

public sealed class StripeEventEnvelopeTests
{
    [Test]
    public void TryParse_WhenFieldsUnknownToUs_ReadsWhatItNeeds()
    {
        var e = StripeEventEnvelope.TryParse("""
            {"id":"evt_1","type":"checkout.session.completed","api_version":"2019-01-01","new_top_level":{"x":1},
             "data":{"object":{"id":"cs_1","payment_status":"paid","payment_intent":{"id":"pi_9"},"metadata":{"attempt_id":"pat_1"},"amount_total":1234,"brand_new":[1,2]}}}
            """)!;

        Assert.That((e.Id, e.Type, e.ApiVersion), Is.EqualTo(("evt_1", "checkout.session.completed", "2019-01-01")));
        Assert.That(e.Reference("payment_intent"), Is.EqualTo("pi_9"), "expanded objects are read by id");
        Assert.That(e.Metadata("attempt_id"), Is.EqualTo("pat_1"));
        Assert.That(e.Amount("amount_total"), Is.EqualTo(1234));
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("""{"id":"evt_1","type":"x"}""")]
    [TestCase("""{"id":"evt_1","data":{"object":{}}}""")]
    [TestCase("""{"id":1,"type":"x","data":{"object":{}}}""")]
    public void TryParse_WhenNotAnEvent_ReturnsNull(string json)
    {
        Assert.That(StripeEventEnvelope.TryParse(json), Is.Null);
    }
}
